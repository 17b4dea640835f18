"""Checks that fail the build when the key data is broken (run by the tests on the shipped data)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol

from bivalves_hdf.core.key.model import LANGUAGES, KeyData, Lead, Step


class ReferenceTaxon(Protocol):
    """What the checks read of a taxon of the reference list (bivalves_hdf.core.reference)."""

    cd_ref: int
    rank: str
    habitat: str | tuple[str, ...]  # 'freshwater|brackish' or ('freshwater', 'brackish')


def habitats(taxon: ReferenceTaxon) -> tuple[str, ...]:
    return tuple(taxon.habitat.split("|")) if isinstance(taxon.habitat, str) else tuple(taxon.habitat)


@dataclass(frozen=True)
class Problem:
    check: str
    message: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.message}"


def targets(key: KeyData, couplet_id: str) -> Iterator[tuple[int, Lead]]:
    yield from enumerate(key.couplets[couplet_id].leads)


def find_cycle(key: KeyData) -> list[str]:
    """The couplets of one cycle, or [] (iterative depth-first search)."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    for root in key.couplets:
        if root in state:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(_children(key, root)))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                names = [n for n, _ in stack]
                return names[names.index(child):] + [child]
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(_children(key, child))))
    return []


def _children(key: KeyData, couplet_id: str) -> list[str]:
    return [str(lead.target.ref) for lead in key.couplets[couplet_id].leads
            if lead.target.kind == "couplet" and str(lead.target.ref) in key.couplets]


def reachable_couplets(key: KeyData) -> set[str]:
    seen, pending = set(), [key.entry]
    while pending:
        cid = pending.pop()
        if cid not in seen:
            seen.add(cid)
            pending.extend(_children(key, cid))
    return seen


def result_paths(key: KeyData) -> Iterator[tuple[tuple[Step, ...], Lead]]:
    """Every (path, terminal lead) from the entry (call only on an acyclic key)."""
    pending: list[tuple[str, tuple[Step, ...]]] = [(key.entry, ())]
    while pending:
        cid, path = pending.pop()
        for index, lead in targets(key, cid):
            step_path = (*path, Step(cid, index))
            if lead.target.kind == "couplet":
                if str(lead.target.ref) in key.couplets:
                    pending.append((str(lead.target.ref), step_path))
            else:
                yield step_path, lead


def check_references(key: KeyData) -> list[Problem]:
    """Every lead goes to a defined couplet, a matrix taxon or a declared aggregate with known members."""
    problems = []
    for cid, couplet in key.couplets.items():
        if not 2 <= len(couplet.leads) <= 3:
            problems.append(Problem("structure", f"couplet {cid} has {len(couplet.leads)} leads (2, exceptionally 3)"))
        if couplet.fallback and couplet.fallback not in key.aggregates:
            problems.append(Problem("results", f"couplet {cid}: fallback {couplet.fallback!r} is not an aggregate"))
        for index, lead in targets(key, cid):
            kind, ref = lead.target.kind, lead.target.ref
            if (kind == "couplet" and ref not in key.couplets) or (kind == "aggregate" and ref not in key.aggregates):
                problems.append(Problem("results", f"couplet {cid}, lead {index + 1}: unknown {kind} {ref!r}"))
            elif kind == "taxon" and ref not in key.taxa:
                problems.append(Problem("results", f"couplet {cid}, lead {index + 1}: taxon {ref} not in the matrix"))
    for aggregate in key.aggregates.values():
        missing = [m for m in aggregate.members if m not in key.taxa]
        if missing or len(aggregate.members) < 2:
            problems.append(Problem("results", f"aggregate {aggregate.id}: members {missing or aggregate.members} "
                                               "missing from the matrix or fewer than two"))
    return problems


def check_graph(key: KeyData) -> list[Problem]:
    """No cycle; every couplet reachable from the entry."""
    cycle = find_cycle(key)
    if cycle:
        return [Problem("cycle", " -> ".join(cycle))]
    unreachable = sorted(set(key.couplets) - reachable_couplets(key))
    return [Problem("reachability", f"couplet {cid} is never reached") for cid in unreachable]


def check_exclusive(key: KeyData) -> list[Problem]:
    """Every two leads of a couplet assert disjoint states of at least one character both bind."""
    problems = []
    for cid, couplet in key.couplets.items():
        for (i, a), (j, b) in combinations(enumerate(couplet.leads), 2):
            shared = set(a.states) & set(b.states)
            if not any(not a.states[c] & b.states[c] for c in shared):
                problems.append(Problem("exclusive", f"couplet {cid}: leads {i + 1} and {j + 1} do not exclude "
                                                     f"each other on any bound character (shared: {sorted(shared)})"))
    return problems


def check_agreement(key: KeyData) -> list[Problem]:
    """Each taxon reached (or member of an aggregate reached) has the states of every lead on its path."""
    problems = []
    for path, lead in result_paths(key):
        result = key.result(lead)
        for cd_ref in result.taxa:
            taxon = key.taxa.get(cd_ref)
            if taxon is None:
                continue  # reported by check_references
            for step in path:
                step_lead = key.couplets[step.couplet].leads[step.lead]
                for cid, states in step_lead.states.items():
                    if not taxon.states.get(cid, frozenset()) & states:
                        given = sorted(taxon.states.get(cid, ())) or "unknown"
                        problems.append(Problem("agreement", f"{taxon.name} ({cd_ref}) reached through couplet "
                                                             f"{step.couplet} lead {step.lead + 1}, but the matrix "
                                                             f"gives {cid}={given}, lead asserts {sorted(states)}"))
    return problems


def taxa_below(key: KeyData, couplet_id: str) -> set[int]:
    """Every taxon a walk from `couplet_id` can end on (aggregates expanded)."""
    found: set[int] = set()
    pending, seen = [couplet_id], set()
    while pending:
        cid = pending.pop()
        if cid in seen or cid not in key.couplets:
            continue
        seen.add(cid)
        for lead in key.couplets[cid].leads:
            if lead.target.kind == "couplet":
                pending.append(str(lead.target.ref))
            elif lead.target.kind == "aggregate" and lead.target.ref in key.aggregates:
                found.update(key.aggregates[str(lead.target.ref)].members)
            elif lead.target.kind == "taxon":
                found.add(int(lead.target.ref))
    return found


def check_fallbacks(key: KeyData) -> list[Problem]:
    """A couplet's fallback aggregate holds exactly the taxa the couplet leads to."""
    problems = []
    for cid, couplet in key.couplets.items():
        if couplet.fallback in key.aggregates:
            below, members = taxa_below(key, cid), set(key.aggregates[couplet.fallback].members)
            if below != members:
                problems.append(Problem("results", f"couplet {cid}: fallback {couplet.fallback} holds {sorted(members)}"
                                                   f" but the couplet leads to {sorted(below)}"))
    return problems


def check_reference(key: KeyData, reference: Iterable[ReferenceTaxon]) -> list[Problem]:
    """Results are reference taxa; every freshwater species of the list is reached or in an aggregate."""
    reference = list(reference)
    known = {int(t.cd_ref) for t in reference}
    problems = [Problem("results", f"{taxon.name} ({cd}) of the matrix is not in the reference list")
                for cd, taxon in sorted(key.taxa.items()) if cd not in known]
    reached = taxa_below(key, key.entry)
    in_aggregates = {m for a in key.aggregates.values() for m in a.members}
    for taxon in reference:
        freshwater = "freshwater" in habitats(taxon)
        if freshwater and taxon.rank in ("species", "subspecies") and int(taxon.cd_ref) not in reached | in_aggregates:
            problems.append(Problem("coverage", f"freshwater taxon {taxon.cd_ref} of the reference list is neither "
                                                "reached by the key nor inside a declared aggregate"))
    return problems


def check_languages(key: KeyData) -> list[Problem]:
    """Every text of the key, the aggregates and the vocabulary exists in French and English."""
    texts: list[tuple[str, Mapping[str, str]]] = []
    for cid, couplet in key.couplets.items():
        texts.append((f"couplet {cid} question", couplet.question))
        texts += [(f"couplet {cid} lead {i + 1}", lead.text) for i, lead in enumerate(couplet.leads)]
    for aggregate in key.aggregates.values():
        texts += [(f"aggregate {aggregate.id} label", aggregate.label),
                  (f"aggregate {aggregate.id} note", aggregate.note)]
    for character in key.characters.values():
        texts.append((f"character {character.id}", character.label))
        texts += [(f"character {character.id} state {s}", label) for s, label in character.states.items()]
    return [Problem("languages", f"{where}: missing {lang}")
            for where, text in texts for lang in LANGUAGES if not str(text.get(lang) or "").strip()]


def check_figures(key: KeyData) -> list[Problem]:
    """Every figure a lead names is a file of data/key/figures/."""
    return [Problem("figures", f"couplet {cid} lead {i + 1}: figure {lead.figure} missing")
            for cid, couplet in key.couplets.items() for i, lead in enumerate(couplet.leads)
            if lead.figure and not key.figure_path(lead.figure).is_file()]


def run_checks(key: KeyData, reference: Iterable[ReferenceTaxon] | None = None) -> list[Problem]:
    """All problems of the key (an empty list: the key is sound)."""
    problems = check_references(key) + check_graph(key)
    if any(p.check == "cycle" for p in problems):
        return problems
    problems += check_exclusive(key) + check_agreement(key) + check_fallbacks(key)
    problems += check_languages(key) + check_figures(key)
    if reference is not None:
        problems += check_reference(key, reference)
    return problems
