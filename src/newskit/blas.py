"""thinc's CPU ops with their matrix products done by numpy's BLAS on one thread (see `newskit.nlp.model_ops`), and
their hash embeddings' row sums by numpy, bit for bit as thinc's own.

Imported with the first model, never at start-up: it loads thinc and threadpoolctl."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

# The optimized BLAS libraries numpy is built with (its wheels: OpenBLAS, measured at a third of blis's CPU time on
# the models' products; conda's: MKL), both with threads that threadpoolctl can limit.
FAST = ("openblas", "mkl")


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    return ThreadpoolController()


def available() -> bool:
    """Say whether numpy runs on one of the FAST BLAS libraries (numpy's own wheels ship OpenBLAS); with any other
    (a reference BLAS, or one whose threads cannot be told apart) the models keep thinc's blis."""
    return bool(_controller().select(internal_api=list(FAST)).lib_controllers)


class BlasOps(NumpyOps):
    """NumpyOps whose `gemm` is numpy's matrix product (thinc's own fallback when blis is off), run on one BLAS
    thread: newskit runs articles in parallel in worker processes, and OpenBLAS's threads, waiting on a busy
    machine, cost far more CPU than they save on matrices this size."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(use_blis=False, **kwargs)

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        with _controller().limit(limits=1, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)

    def gather_add(self, table: Any, indices: Any) -> Any:
        """Return, for each row of `indices`, the sum of the rows of `table` it names (a hash embedding's lookup):
        thinc's own sum, one row at a time from zero in the order the indices come, done a column of indices at
        a time by numpy, so the same float32 additions in the same order give the same bits."""
        if table.dtype != numpy.float32 or table.ndim != 2 or indices.ndim != 2:
            return super().gather_add(table, indices)
        out = numpy.zeros((indices.shape[0], table.shape[1]), dtype=numpy.float32)
        for column in numpy.ascontiguousarray(indices.T):
            numpy.add(out, numpy.take(table, column, axis=0), out=out)
        return out
