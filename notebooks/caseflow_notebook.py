"""What the notebooks share: where the caseflow binary is, which run folder to read, and the
chart helpers. Imported by every notebook in this folder (Jupyter runs them from here).

- The binary: CASEFLOW_BIN if set, else `caseflow` on PATH (an installed copy), else the
  repository's own build at build/app/caseflow.
- The run folder: CASEFLOW_RUN_DIR if set (any folder `caseflow run`, `compare` or
  `forecast` wrote, as the notebook says), else the notebook makes its own under
  build/notebook-runs/ (or the system's temporary folder outside a repository).
"""
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from IPython.display import Image, display  # noqa: E402

# Repo root: CASEFLOW_ROOT (set by scripts/run-notebooks.sh), else the parent of notebooks/.
ROOT = Path(os.environ.get("CASEFLOW_ROOT") or Path(__file__).resolve().parent.parent).resolve()


def find_binary():
    """CASEFLOW_BIN, else `caseflow` on PATH, else the repository's build."""
    named = os.environ.get("CASEFLOW_BIN")
    if named:
        path = Path(named).expanduser().resolve()
        assert path.is_file() and os.access(path, os.X_OK), f"CASEFLOW_BIN={named} is not an executable file"
        return path
    on_path = shutil.which("caseflow")
    if on_path:
        return Path(on_path)
    built = ROOT / "build" / "app" / "caseflow"
    assert built.exists(), ("caseflow not found: set CASEFLOW_BIN to the binary, put `caseflow` on PATH, "
                            f"or build the repository into {ROOT / 'build'}")
    return built


CASEFLOW = find_binary()


def given_run_dir(*required):
    """The folder CASEFLOW_RUN_DIR names (checked to hold the `required` files), or None."""
    named = os.environ.get("CASEFLOW_RUN_DIR")
    if not named:
        return None
    path = Path(named).expanduser().resolve()
    missing = [f for f in required if not (path / f).exists()]
    assert not missing, f"CASEFLOW_RUN_DIR={named} lacks {missing}: point it at a folder caseflow wrote"
    return path


def new_run_dir(prefix):
    """A fresh folder for this notebook's own runs."""
    parent = ROOT / "build" / "notebook-runs" if (ROOT / "build").is_dir() else Path(tempfile.gettempdir())
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))


def caseflow(*args):
    """Run the caseflow CLI from the repo root; raise if it fails."""
    cmd = [str(CASEFLOW), *map(str, args)]
    res = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    print("$", " ".join(cmd))
    print(res.stdout.strip())
    return res


def show(fig):
    """Agg draws off-screen, so show(fig) displays nothing: embed the figure as a PNG instead."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    display(Image(buf.getvalue()))


def band(ax, df, label, color=None, mean="mean", low="p10", high="p90"):
    """Mean line with a shaded P10-P90 band; df has month and the named columns."""
    line, = ax.plot(df["month"], df[mean], label=label, color=color)
    ax.fill_between(df["month"], df[low], df[high], color=line.get_color(), alpha=0.2, linewidth=0)
    return line
