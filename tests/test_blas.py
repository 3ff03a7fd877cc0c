"""The models compute with numpy's BLAS on one thread (newskit.blas): the same products as thinc's own, the
thread count given back after each, and thinc's own kept when asked or when the ops are not the plain CPU ones."""
from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps, get_current_ops
from threadpoolctl import threadpool_info

from newskit import blas
from newskit.blas import BlasOps
from newskit.nlp import THINC_BLIS_ENV, model_ops


def _blas_threads() -> list[int]:
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True), (True, True)])
def test_products_agree_with_thincs_own(trans1, trans2):
    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((37, 23) if not trans1 else (23, 37)).astype("float32")
    y = rng.standard_normal((23, 11) if not trans2 else (11, 23)).astype("float32")
    ours = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    thincs = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert ours.shape == (37, 11) and ours.dtype == numpy.float32
    assert numpy.allclose(ours, thincs, rtol=1e-5, atol=1e-5)
    out = numpy.empty((37, 11), dtype="float32")
    assert BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, thincs, rtol=1e-5, atol=1e-5)


def test_blas_thread_count_is_given_back():
    before = _blas_threads()
    BlasOps().gemm(numpy.ones((64, 64), dtype="float32"), numpy.ones((64, 64), dtype="float32"))
    assert _blas_threads() == before


def test_plain_cpu_ops_become_blas_ops_unless_told(monkeypatch):
    monkeypatch.delenv(THINC_BLIS_ENV, raising=False)
    assert blas.available()  # numpy's wheels ship OpenBLAS
    assert isinstance(model_ops(NumpyOps()), BlasOps)
    monkeypatch.setenv(THINC_BLIS_ENV, "1")
    plain = NumpyOps()
    assert model_ops(plain) is plain


def test_thincs_own_ops_stay_without_a_fast_blas(monkeypatch):
    monkeypatch.delenv(THINC_BLIS_ENV, raising=False)
    monkeypatch.setattr(blas, "FAST", ("no-such-blas",))
    assert not blas.available()
    plain = NumpyOps()
    assert model_ops(plain) is plain


def test_other_ops_are_left_alone(monkeypatch):
    monkeypatch.delenv(THINC_BLIS_ENV, raising=False)
    ours = BlasOps()
    assert model_ops(ours) is ours  # a subclass (a platform's own ops, or ours again) is not replaced


def test_loaded_models_use_them_and_leave_thincs_ops_as_they_were(nlp):
    for name in ("tok2vec", "ner", "newskit_ner"):
        assert isinstance(nlp.get_pipe(name).model.ops, BlasOps), name
    assert type(get_current_ops()) is NumpyOps


@pytest.mark.parametrize(("rows", "width", "keys"), [(50, 64, 4), (5000, 96, 4), (7, 3, 1)])
def test_embedding_sums_are_thincs_own_to_the_bit(rows, width, keys):
    rng = numpy.random.default_rng(3)
    table = rng.standard_normal((rows, width)).astype("float32")
    table[0] = -0.0  # a row of negative zeros: a sum must start from +0.0 as thinc's does
    indices = rng.integers(0, rows, (301, keys)).astype("uint32")
    indices[:5] = 0
    ours = BlasOps().gather_add(table, indices)
    thincs = NumpyOps().gather_add(table, indices)
    assert ours.dtype == numpy.float32 and ours.shape == (301, width)
    assert ours.tobytes() == thincs.tobytes()


def test_embedding_sums_of_other_types_are_left_to_thinc():
    table = numpy.arange(12, dtype="float64").reshape(4, 3)
    indices = numpy.array([[0, 3], [1, 1]], dtype="uint32")
    assert BlasOps().gather_add(table, indices).tolist() == [[9.0, 11.0, 13.0], [6.0, 8.0, 10.0]]
