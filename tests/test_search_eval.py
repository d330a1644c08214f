"""Search on notes the project never tuned on: descriptive, multi-role, paraphrase, typo and alias queries.

The shipped notes and the search-only notes (tests/data/search_notes/) are indexed together with the
real MiniLM embeddings. recall@3 is the share of a query's expected notes (at most three) among the
top three results. Both halves are printed; the held-out half is asserted. Latency is a benchmark
(`python -m benchmarks search`), not a test.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from coach.config import DATA_DIR, Settings
from coach.knowledge import SHIPPED, KnowledgeBase, open_client
from tests.datasets import SEARCH_NOTES_DIR, search_queries

MIN_RECALL_AT_3 = 0.92
SPLITS = ("tune", "holdout")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> KnowledgeBase:
    """Shipped notes plus the search-only notes, in one collection, with real embeddings."""
    built = KnowledgeBase(open_client(Settings(_env_file=None), tmp_path_factory.mktemp("search-eval")), real_embedder)
    built.ingest(DATA_DIR / "knowledge", name=SHIPPED)
    built.ingest(SEARCH_NOTES_DIR, name=SHIPPED)
    return built


def top_notes(kb: KnowledgeBase, query: str) -> list[str]:
    """File names of the top three results."""
    return [Path(hit.path).name for hit in kb.search(query, k=3, sources=(SHIPPED,))]


def recall_at_3(expected: list[str], found: list[str]) -> float:
    """Share of the expected notes (at most three count) among the found ones."""
    return len(set(expected) & set(found)) / min(len(expected), 3)


def evaluate(kb: KnowledgeBase, split: str) -> tuple[float, str]:
    """Mean recall@3 over one half, and a printable report with its misses by style."""
    queries = search_queries(split)
    scores, misses, by_style = [], [], {}
    for query in queries:
        found = top_notes(kb, query["query"])
        score = recall_at_3(query["expect"], found)
        scores.append(score)
        by_style.setdefault(query["style"], []).append(score)
        if score < 1:
            misses.append(f"  {query['id']} ({query['style']}): {query['query']!r} expected {query['expect']}, got {found}")
    mean = statistics.mean(scores)
    styles = ", ".join(f"{style} {statistics.mean(values):.2f} (n={len(values)})" for style, values in sorted(by_style.items()))
    return mean, f"== search, {split} half: recall@3 {mean:.3f} over {len(queries)} queries\n  {styles}\n" + "\n".join(misses)


@pytest.mark.parametrize("split", SPLITS)
def test_descriptive_queries_find_the_right_notes(kb: KnowledgeBase, split: str, capsys: pytest.CaptureFixture) -> None:
    """Both halves are printed; the held-out half carries the target."""
    mean, report = evaluate(kb, split)
    with capsys.disabled():
        print("\n" + report)
    if split == "holdout":
        assert mean >= MIN_RECALL_AT_3, report


def test_the_top_three_name_distinct_notes_unless_fewer_match(kb: KnowledgeBase) -> None:
    for query in search_queries("tune") + search_queries("holdout"):
        found = top_notes(kb, query["query"])
        assert len(set(found)) == len(found), f"{query['query']!r}: {found}"


def test_a_role_filter_still_returns_several_passages_of_its_one_note(kb: KnowledgeBase) -> None:
    hits = kb.search("what is the first year like", k=3, role="Registered Nurse", sources=(SHIPPED,))
    assert len(hits) == 3 and len({h.path for h in hits}) == 1
