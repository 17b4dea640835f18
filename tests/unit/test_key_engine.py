"""The key's state machine (history, back, restart, return to a step) and the multi-access mode."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.engine import KeySession
from bivalves_hdf.core.key.loader import load_key
from bivalves_hdf.core.key.model import Step
from bivalves_hdf.core.key.multiaccess import best_splits, candidates, split

# start -> f01 -> f04 -> f05 -> f09 -> f11 -> f12: Unio crassus (lead indexes from 0)
CRASSUS = [0, 1, 0, 1, 1, 1, 0]


@pytest.fixture()
def session():
    return KeySession(load_key())


def walk(session: KeySession, answers: list[int]):
    result = None
    for answer in answers:
        result = session.choose(answer)
    return result


def test_a_walk_ends_on_a_result_carrying_its_path(session) -> None:
    assert session.current.id == "start"
    result = walk(session, CRASSUS)
    assert (result.scientific_name, result.cd_ref, result.aggregate) == ("Unio crassus", 64443, False)
    assert session.current is None
    assert [s.couplet for s in session.outcome.path] == ["start", "f01", "f04", "f05", "f09", "f11", "f12"]
    assert session.outcome.path[-1] == Step("f12", 0)


def test_back_undoes_one_answer_at_a_time(session) -> None:
    walk(session, CRASSUS)
    assert session.back() is True
    assert session.outcome is None and session.current.id == "f12"
    assert session.back() is True and session.current.id == "f11"
    assert session.choose(0).scientific_name == "Potomida littoralis"
    for _ in range(6):
        session.back()
    assert session.current.id == "start" and session.path == ()
    assert session.back() is False


def test_restart_and_return_to_an_earlier_step(session) -> None:
    walk(session, CRASSUS)
    session.go_to(3)
    assert session.current.id == "f05" and len(session.path) == 3 and session.outcome is None
    assert session.choose(0) is None and session.current.id == "f06"
    session.restart()
    assert session.current.id == "start" and session.path == () and session.outcome is None
    with pytest.raises(BivalvesError):
        session.go_to(1)
    walk(session, CRASSUS)
    with pytest.raises(BivalvesError):
        session.go_to(len(CRASSUS))  # the result is not a question
    session.go_to(len(CRASSUS) - 1)
    assert session.current.id == "f12"


def test_a_result_ends_the_questions_until_back(session) -> None:
    walk(session, CRASSUS)
    with pytest.raises(BivalvesError, match="result"):
        session.choose(0)
    with pytest.raises(BivalvesError, match="no lead 3"):
        KeySession(session.key).choose(2)


def test_cannot_decide_gives_the_fallback_aggregate_and_back_returns_to_the_question(session) -> None:
    walk(session, [0, 1, 0, 0, 1, 1])  # ... f06 lead 2, f07 lead 2 -> f08
    assert session.current.id == "f08"
    result = session.cannot_decide()
    assert result.aggregate and result.ref == "anodonta_sp" and set(result.members) == {64456, 64455}
    assert result.expert_confirmation
    assert session.back() is True and session.current.id == "f08" and len(session.path) == 6
    session.go_to(0)
    with pytest.raises(BivalvesError, match="fallback"):
        session.cannot_decide()


def test_aggregate_result_and_expert_flag(session) -> None:
    result = walk(session, [0, 1, 0, 1, 1, 1, 1, 1])  # f12 lead 2 -> f13 lead 2
    assert result.aggregate and result.scientific_name == "Unio pictorum / Unio mancus"
    assert result.cd_ref is None and result.taxa == (64440, 199900) and result.expert_confirmation


def test_multi_access_narrows_in_any_order_and_names_a_useful_character() -> None:
    key = load_key()
    everything = candidates(key, {})
    assert len(everything) == len(key.taxa)
    known = {"nacre_pits": frozenset({"present"})}
    assert {t.name for t in candidates(key, known)} == {"Margaritifera margaritifera", "Pseudunio auricularius"} | {
        t.name for t in key.taxa.values() if "nacre_pits" not in t.states}
    naiads = {"habitat": frozenset({"freshwater"}), "inner_surface": frozenset({"nacreous"}),
              "hinge_teeth": frozenset({"present"})}
    remaining = candidates(key, naiads)
    assert {t.cd_ref for t in remaining} >= {64443, 64440, 64442, 199900, 64452, 64435, 199889}
    best = best_splits(key, naiads, remaining)
    assert best and best[0].expected_remaining < len(remaining)
    assert all(s.character not in naiads for s in best)
    assert [s.expected_remaining for s in best] == sorted(s.expected_remaining for s in best)
    narrowed = candidates(key, {**naiads, best[0].character: frozenset({next(
        state for state, n in best[0].counts.items() if 0 < n < len(remaining))})})
    assert 0 < len(narrowed) < len(remaining)


def test_a_character_that_splits_nothing_is_not_proposed() -> None:
    key = load_key()
    remaining = [key.taxa[64443], key.taxa[64440]]
    assert split(key, "habitat", remaining) is None
    assert split(key, "umbo_sculpture", remaining).counts["tubercles"] == 1


ACTIONS = st.lists(st.tuples(st.sampled_from(["choose", "back", "go_to", "restart", "fallback"]),
                             st.integers(min_value=0, max_value=9)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(ACTIONS)
def test_any_sequence_of_actions_keeps_a_consistent_path(actions) -> None:
    key = load_key()
    session = KeySession(key)
    for action, number in actions:
        current = session.current
        if action == "choose" and current is not None:
            session.choose(number % len(current.leads))
        elif action == "back":
            session.back()
        elif action == "go_to":
            target = number % (len(session.path) + 1)
            try:
                session.go_to(target)
            except BivalvesError:  # only the result itself is not a question to return to
                assert session.outcome is not None and target == len(session.path)
        elif action == "restart":
            session.restart()
        elif action == "fallback" and current is not None and current.fallback:
            session.cannot_decide()
        expected = key.entry  # every step answers the couplet the previous answer led to
        for step in session.path:
            assert step.couplet == expected
            expected = str(key.couplets[step.couplet].leads[step.lead].target.ref)
        if session.outcome is None:
            assert session.current.id == expected
        else:
            assert session.current is None and session.outcome.path == session.path
