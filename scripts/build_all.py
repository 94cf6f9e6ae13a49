"""Build every organization profile, in parallel, into site/<profile>/, and the regional index.

    make build-all                    # every profile of data/profiles/, all cores, offline ZIPs too
    python scripts/build_all.py --jobs 2 --no-offline --out /tmp/region demo school
    python scripts/build_all.py --index-only   # site/index.html from the sites in site/ (CI matrix)

Each site gets its offline edition (site/<profile>/site-offline-<profile>.zip, linked from its home
page) unless --no-offline. site/index.html lists the organizations: name, type, link.
A profile that does not build stops nothing else; the script reports it and exits with 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import models as m  # noqa: E402
from macros.loader import OrgTypesFile, available_profiles, validate  # noqa: E402
from macros.offline import ZIP_ENV, zip_name  # noqa: E402
from macros.yamlfile import read_yaml  # noqa: E402

MKDOCS = Path(sys.executable).parent / "mkdocs"
TEMPLATES = ROOT / "macros" / "templates"


@dataclass
class Result:
    profile: str
    ok: bool
    seconds: float
    log: str = ""


def mkdocs_build(profile: str, site_dir: Path, project: Path = ROOT, **extra_env: str) -> subprocess.CompletedProcess:
    """One strict build of one profile (never -q: strict mode counts only logged warnings)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ORG_PROFILE=profile, **extra_env)
    for name in ("OFFLINE", "DIRECTORY_URLS", ZIP_ENV):
        if name not in extra_env:
            env.pop(name, None)
    return subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
                          env=env, cwd=project, capture_output=True, text=True, check=False)


def build_offline_zip(profile: str, destination: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """The offline edition of one profile as destination (a ZIP with one folder inside)."""
    with tempfile.TemporaryDirectory(prefix=f"kb-offline-{profile}-") as tmp:
        site = Path(tmp) / f"sferum-{profile}"
        result = mkdocs_build(profile, site, project, OFFLINE="true", DIRECTORY_URLS="false")
        if result.returncode == 0:
            destination.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                for path in sorted(site.rglob("*")):
                    if path.is_file() and path.suffix != ".map":  # source maps: no use on a USB stick
                        archive.write(path, path.relative_to(site.parent).as_posix())
        return result


def build_profile(profile: str, out: Path, offline: bool, project: Path = ROOT) -> Result:
    started = time.perf_counter()
    site = out / profile
    shutil.rmtree(site, ignore_errors=True)
    extra = {}
    with tempfile.TemporaryDirectory(prefix=f"kb-zip-{profile}-") as tmp:
        if offline:
            archive = Path(tmp) / zip_name(profile)
            result = build_offline_zip(profile, archive, project)
            if result.returncode != 0:
                return Result(profile, False, time.perf_counter() - started, result.stdout + result.stderr)
            extra[ZIP_ENV] = str(archive)
        result = mkdocs_build(profile, site, project, **extra)
    return Result(profile, result.returncode == 0, time.perf_counter() - started, result.stdout + result.stderr)


@dataclass
class Organization:
    profile: str
    name: str
    type: str
    demo: bool
    example: bool
    offline_zip: str | None


def organizations(profiles: list[str], out: Path, project: Path = ROOT) -> list[Organization]:
    labels = {key: entry.label for key, entry in
              validate(read_yaml(project / "data/org_types.yml", "data/org_types.yml"), OrgTypesFile).org_types.items()}
    found = []
    for profile in profiles:
        relative = f"data/profiles/{profile}.yml"
        data = validate(read_yaml(project / relative, relative), m.Profile)
        archive = zip_name(profile) if (out / profile / zip_name(profile)).exists() else None
        found.append(Organization(profile, data.name.full, labels[data.org_type], data.demo, data.example, archive))
    return sorted(found, key=lambda o: (o.demo, o.type, o.name.lower()))


def write_index(orgs: list[Organization], out: Path) -> Path:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    page = out / "index.html"
    page.write_text(env.get_template("region_index.html.j2").render(orgs=orgs), encoding="utf-8")
    return page


def build_all(profiles: list[str], out: Path, jobs: int, offline: bool, project: Path = ROOT) -> list[Result]:
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda p: build_profile(p, out, offline, project), profiles))


def zip_only(profiles: list[str], out: Path, jobs: int) -> int:
    def one(profile: str) -> bool:
        archive = out / zip_name(profile)
        result = build_offline_zip(profile, archive)
        if result.returncode != 0:
            print(result.stdout[-4000:] + result.stderr[-4000:], file=sys.stderr)
            return False
        print(f"{archive} ({archive.stat().st_size / 1e6:.1f} MB): unpack it and open index.html")
        return True
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return 0 if all(pool.map(one, profiles)) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profiles", nargs="*", help="profiles to build (default: all of data/profiles/)")
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-offline", dest="offline", action="store_false", help="skip the offline ZIPs")
    parser.add_argument("--index-only", action="store_true",
                        help="only <out>/index.html, from the sites already in <out> (after a CI matrix)")
    parser.add_argument("--zip-only", action="store_true",
                        help="only the offline ZIPs, as <out>/site-offline-<profile>.zip (make offline)")
    args = parser.parse_args(argv)
    profiles = args.profiles or available_profiles(ROOT)
    if args.zip_only:
        return zip_only(profiles, args.out, args.jobs)
    if args.index_only:
        built = [p for p in profiles if (args.out / p / "index.html").is_file()]
        print(f"{len(built)} organizations: {write_index(organizations(built, args.out), args.out)}")
        return 0
    started = time.perf_counter()
    results = build_all(profiles, args.out, args.jobs, args.offline)
    for result in results:
        print(f"{result.profile:<24}{'ok' if result.ok else 'FAILED':>8}{result.seconds:>8.1f} s")
        if not result.ok:
            print(result.log[-4000:], file=sys.stderr)
    orgs = organizations([r.profile for r in results if r.ok], args.out)
    print(f"{len(results)} profiles in {time.perf_counter() - started:.1f} s with {args.jobs} jobs; "
          f"index: {write_index(orgs, args.out)}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
