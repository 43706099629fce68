"""Entry file for `spark-submit`, which wants a .py file rather than a module name:

    spark-submit [options] python/scripts/attache_spark_submit.py INPUT OUTPUT [--date ...]

Same arguments as `python -m attache.spark` (the wheel must be installed where the driver
and the executors run; see docs/python-and-spark.md).
"""

import sys

from attache.spark import main

if __name__ == "__main__":
    sys.exit(main())
