import subprocess
import sys


def test_importing_the_engine_loads_neither_scipy_nor_django():
    code = (
        "import sys, wellboard.core.stats as s; "
        "s.t_ppf(0.975, 4); s.crude_rate([3], [10]); "
        "print(sorted(m for m in ('scipy', 'django') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
