"""Past one machine: the documents and extract stages as a Spark job, and a bulk load of its output.

spark-ingest (spark_job.py)   files -> Parquet tables documents, mentions, indicators,
                              relations, partitioned by publication month (tables.py)
load (load.py)                Parquet -> resolve across the batch, duplicates across
                              partitions, bulk writes (PostgreSQL COPY, SQLite batches)
"""
