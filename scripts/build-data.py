#!/usr/bin/env python3
"""Rebuilds data/ from the scikit-learn and statsmodels wheels on PyPI, so that the provenance of
every shipped table can be checked: `python3 scripts/build-data.py` downloads the two wheels
(pinned versions, no dependencies, nothing installed), reads the raw files inside them with
zipfile, writes data/<name>.csv with a header row, and prints each file's SHA-256, which
data/README.md lists. LossLab itself never needs Python.

    breast_cancer.csv  569 x (30 features + diagnosis: malignant/benign)   sklearn, UCI, CC BY 4.0
    diabetes.csv       442 x (10 features + progression)                   sklearn (unscaled), CC BY 4.0
    digits.csv         1797 x (64 pixels 0..16 + digit)                    sklearn, UCI, CC BY 4.0
    wine.csv           178 x (13 features + cultivar: class_0..class_2)    sklearn, UCI, CC BY 4.0
    randhie.csv        20190 x (mdvis + 9 covariates)                      statsmodels, public domain
    digits_inpainting.csv  digits with the bottom 3 pixel rows hidden (in0..in63) and the clean
                       image (out0..out63), intensities / 16, for the reconstruction study
"""
import csv
import gzip
import hashlib
import io
import pathlib
import subprocess
import sys
import tempfile
import zipfile

SKLEARN = "scikit-learn==1.9.1"
STATSMODELS = "statsmodels==0.15.0"
ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

BREAST_CANCER_FEATURES = (
    [f"mean {n}" for n in ("radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                           "concave points", "symmetry", "fractal dimension")]
    + [f"{n} error" for n in ("radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                              "concave points", "symmetry", "fractal dimension")]
    + [f"worst {n}" for n in ("radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                              "concave points", "symmetry", "fractal dimension")]
)
WINE_FEATURES = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                 "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines",
                 "proline"]
DIABETES_FEATURES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]


def wheel(requirement, folder):
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                    "--python-version", "3.11", "--platform", "manylinux_2_28_x86_64", requirement, "-d", folder],
                   check=True)
    name = requirement.split("==")[0].replace("-", "_")
    return zipfile.ZipFile(next(pathlib.Path(folder).glob(f"{name}-*.whl")))


def rows_of(text):
    return [row for row in csv.reader(io.StringIO(text)) if row]


def write(name, header, rows):
    path = DATA / name
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"{name}: {len(rows)} rows, {len(header)} columns, sha256 {digest}")


def labelled(text, features, names):
    """sklearn's format: a first line `n,d,name0,name1,...`, then rows of d features and an integer label."""
    rows = rows_of(text)
    return [row[:-1] + [names[int(row[-1])]] for row in rows[1:]]


def main():
    DATA.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        sk = wheel(SKLEARN, folder)
        base = "sklearn/datasets/data/"
        text = sk.read(base + "breast_cancer.csv").decode()
        write("breast_cancer.csv", BREAST_CANCER_FEATURES + ["diagnosis"],
              labelled(text, BREAST_CANCER_FEATURES, ["malignant", "benign"]))
        raw = gzip.decompress(sk.read(base + "diabetes_data_raw.csv.gz")).decode().split("\n")
        target = gzip.decompress(sk.read(base + "diabetes_target.csv.gz")).decode().split("\n")
        features = [line.split() for line in raw if line.strip()]
        progression = [str(int(float(line))) for line in target if line.strip()]
        write("diabetes.csv", DIABETES_FEATURES + ["progression"], [f + [p] for f, p in zip(features, progression)])
        digits = rows_of(gzip.decompress(sk.read(base + "digits.csv.gz")).decode())
        write("digits.csv", [f"p{i}" for i in range(64)] + ["digit"], digits)
        # Inpainting: the input is the digit with its bottom three rows of pixels hidden (set to 0),
        # the target the whole clean digit; intensities scaled from 0..16 to [0, 1].
        inpainting = []
        for row in digits:
            pixels = [int(v) / 16 for v in row[:64]]
            hidden = [0.0 if i >= 40 else v for i, v in enumerate(pixels)]
            inpainting.append([f"{v:g}" for v in hidden + pixels] + [row[64]])
        write("digits_inpainting.csv", [f"in{i}" for i in range(64)] + [f"out{i}" for i in range(64)] + ["digit"],
              inpainting)
        text = sk.read(base + "wine_data.csv").decode()
        write("wine.csv", WINE_FEATURES + ["cultivar"], labelled(text, WINE_FEATURES, ["class_0", "class_1", "class_2"]))
        sm = wheel(STATSMODELS, folder)
        rows = rows_of(sm.read("statsmodels/datasets/randhie/randhie.csv").decode())
        write("randhie.csv", rows[0], rows[1:])


if __name__ == "__main__":
    main()
