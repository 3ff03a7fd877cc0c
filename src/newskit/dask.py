"""newskit inside Dask code: analyze a Dask bag of articles or a Dask dataframe with a text column.

    import dask.bag as db
    import newskit.dask
    records = newskit.dask.analyze_bag(db.read_text("archive-*.jsonl").map(json.loads), tasks=("entities",))
    people = newskit.dask.analyze_frame(ddf, text_column="body", id_column="url", table="entities")

Each worker process loads the spaCy model once (newskit caches it per process) the first time a partition needs
it; records are `newskit.record` values (`to_dict()` gives exactly the `--jsonl` record). Needs the dask extra:
pip install "newskit[dask]"."""
from __future__ import annotations

from collections.abc import Iterable

from newskit.pipeline import COMMAND_TASKS, TASKS
from newskit.record import AnyRecord

__all__ = ["analyze_bag", "analyze_frame", "analyze_partition"]


def _tasks(tasks) -> tuple[str, ...]:
    """Return the tasks to run: a command's name ("entities") stands for what that command fills."""
    if isinstance(tasks, str):
        tasks = COMMAND_TASKS.get(tasks, (tasks,))
    tasks = tuple(tasks)
    return tasks if "parse" in tasks else ("parse",) + tasks


def analyze_partition(items: Iterable, tasks=TASKS, *, model: str | None = None, published: str | None = None,
                      where: str = "partition") -> list[AnyRecord]:
    """Return the records of one partition's articles: texts (str) or JSONL-like dicts {"text"|"html", "id"?, …}.

    A text gets the id WHERE:N (N its 1-based position); a dict keeps its "id", else gets the same."""
    from newskit.archive.reading import read_objects
    from newskit.pipeline import analyze

    objects = []
    for n, item in enumerate(items, 1):
        obj = {"text": item} if isinstance(item, str) else dict(item)
        if obj.get("id") is None:
            obj["id"] = f"{where}:{n}"
        objects.append(obj)
    sources = read_objects(objects, where, published=published)
    return list(analyze(sources, _tasks(tasks), model=model, workers=1))


def analyze_bag(bag, tasks=TASKS, *, model: str | None = None, published: str | None = None):
    """Return a Dask bag of records, one per article of `bag` (texts or JSONL-like dicts), partition by partition."""
    import dask
    import dask.bag as db

    parts = [dask.delayed(analyze_partition)(p, tasks, model=model, published=published, where=f"p{i}")
             for i, p in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)


def analyze_frame(ddf, *, text_column: str = "text", id_column: str | None = None, tasks=TASKS,
                  model: str | None = None, published: str | None = None, table: str | None = None):
    """Return a Dask dataframe of results for a dataframe with a text (or html) column.

    table=None: columns `id` and `record` (the record as its `--jsonl` line). table="articles", "entities",
    "mentions", "dates", "quotes" or "events": that flat table (the Parquet schema of newskit.archive.tables).
    Other columns of `ddf` travel into each record's "meta"."""
    import pandas as pd

    from newskit.archive.tables import COLUMNS

    if text_column not in ddf.columns:
        raise ValueError(f"no column {text_column!r} (columns: {', '.join(map(str, ddf.columns))})")
    if table is not None and table not in COLUMNS:
        raise ValueError(f"no table {table!r}; choose one of {', '.join(COLUMNS)}")
    key = "html" if text_column == "html" else "text"
    renames = {text_column: key, **({id_column: "id"} if id_column else {})}
    meta = _frame_meta(table, pd)
    return ddf.map_partitions(_frame_partition, renames, _tasks(tasks), model, published, table, meta=meta,
                              align_dataframes=False)


def _frame_meta(table, pd):
    from newskit.archive.tables import COLUMNS

    if table is None:
        return pd.DataFrame({"id": pd.Series(dtype="string"), "record": pd.Series(dtype="string")})
    dtypes = {"str": "string", "int": "Int64", "float": "float64", "bool": "boolean", "date": "string",
              "list": "object", "json": "string"}
    return pd.DataFrame({name: pd.Series(dtype=dtypes[kind]) for name, kind in COLUMNS[table]})


def _frame_partition(df, renames, tasks, model, published, table):
    import pandas as pd

    from newskit.archive.tables import rows
    from newskit.output.render import to_jsonl

    objects = [{renames.get(k, k): _plain(v) for k, v in row.items() if k in renames or k not in renames.values()}
               for row in df.to_dict(orient="records")]
    if table is not None:
        tasks = tasks + ("text",)
    records = analyze_partition(objects, tasks, model=model, published=published, where="frame")
    meta = _frame_meta(table, pd)
    if table is None:
        out = pd.DataFrame({"id": [r.id for r in records], "record": [to_jsonl(r) for r in records]})
    else:
        out = pd.DataFrame([row for r in records for row in rows(r).get(table, [])], columns=list(meta.columns))
    return out.astype(meta.dtypes.to_dict())


def _plain(value):
    """Return a cell as JSON can hold it (pandas NA → None; numpy scalars → Python)."""
    try:
        import pandas as pd

        if not isinstance(value, (list, dict, str)) and pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) else value
