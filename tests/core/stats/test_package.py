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


def test_every_public_name_resolves_and_an_unknown_one_is_an_attribute_error():
    import pytest

    import wellboard.core.stats as stats

    for name in stats.__all__:
        assert getattr(stats, name).__name__ == name
    with pytest.raises(AttributeError):
        stats.no_such_statistic  # noqa: B018


def test_the_command_loads_only_the_modules_it_uses():
    """Its start-up is part of every run: the trend, comparison and target modules stay out."""
    code = (
        "import sys, wellboard.core.stats.command; "
        "print(sorted(m for m in sys.modules if m.startswith('wellboard.core.stats.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {name.rsplit(".", 1)[1] for name in eval(out.stdout)}  # a printed list of names
    assert "csv_stats" in loaded and "float_text" in loaded
    assert not loaded & {"compare", "trend", "targets", "isr", "means", "student_t"}
