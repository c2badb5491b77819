"""WARC files to clean text with boilerkit, as a ``spark-submit`` job.

    spark-submit --master yarn examples/spark_warc_job.py \\
        --manifest s3://commoncrawl/crawl-data/CC-MAIN-2024-33/warc.paths.gz \\
        --prefix s3://commoncrawl/ --limit 1000 --output s3://my-bucket/cc-text/

Every executor needs boilerkit with the spark extra (``pip install "boilerkit[spark]"``,
plus ``s3fs`` or ``gcsfs`` for the object store) in its Python: see ``docs/scale.md`` for
YARN, Dataproc, EMR and Kubernetes. Each WARC file is one task; the output is Parquet,
one row per HTML record (``boilerkit.spark.COLUMNS``), failed records included with their
``error``. Copy this file and change what you keep: it is meant as a starting point.
"""

from __future__ import annotations

import argparse

from pyspark.sql import SparkSession, functions

from boilerkit.spark import extract_warcs, read_manifest


def main() -> None:
    parser = argparse.ArgumentParser(description="WARC files to Parquet with boilerkit")
    parser.add_argument("--manifest", required=True, help="warc.paths(.gz): one path a line")
    parser.add_argument("--prefix", default="", help="put before the manifest's relative paths")
    parser.add_argument("--output", required=True, help="Parquet directory (any Hadoop URL)")
    parser.add_argument("--limit", type=int, help="only the first N WARC files (a trial run)")
    parser.add_argument("--time-budget", type=float, default=30.0, help="seconds per page")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("boilerkit-warc").getOrCreate()
    paths = read_manifest(args.manifest, args.prefix)[: args.limit]
    pages = extract_warcs(spark, paths, time_budget=args.time_budget)
    # Keep every row: a row with `error` set is a record worth a look, not noise. A corpus
    # build would filter here instead, e.g. on language and text length:
    #   pages = pages.where("error IS NULL AND language = 'en' AND length(text) > 500")
    pages.write.mode("overwrite").parquet(args.output)

    written = spark.read.parquet(args.output)
    summary = written.agg(
        functions.count("*").alias("rows"), functions.count("error").alias("errors")
    ).first()
    print(f"{summary['rows']} rows, {summary['errors']} with an error, in {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
