"""The key as a state machine with history: answer, go back, restart, return to an earlier step."""

from __future__ import annotations

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.model import Couplet, KeyData, Outcome, Result, Step


class KeySession:
    """One walk through the key. Holds no GUI object: widgets drive it and read it."""

    def __init__(self, key: KeyData) -> None:
        self.key = key
        self._steps: list[Step] = []
        self._outcome: Outcome | None = None
        self._by_fallback = False  # the outcome ends on a fallback, no lead was chosen for it

    @property
    def path(self) -> tuple[Step, ...]:
        return tuple(self._steps)

    @property
    def outcome(self) -> Outcome | None:
        """The result reached, with its path; None while a question is open."""
        return self._outcome

    @property
    def current(self) -> Couplet | None:
        """The open question (None at a result)."""
        if self._outcome is not None:
            return None
        if not self._steps:
            return self.key.couplets[self.key.entry]
        last = self._steps[-1]
        return self.key.couplets[str(self.key.couplets[last.couplet].leads[last.lead].target.ref)]

    def choose(self, index: int) -> Result | None:
        """Answer the open question with lead `index`; the Result when it ends the key."""
        couplet = self.current
        if couplet is None:
            raise BivalvesError("the key has reached a result: go back or restart")
        if not 0 <= index < len(couplet.leads):
            raise BivalvesError(f"couplet {couplet.id} has no lead {index + 1}")
        self._steps.append(Step(couplet.id, index))
        lead = couplet.leads[index]
        if lead.target.kind != "couplet":
            self._outcome = Outcome(self.key.result(lead), self.path)
            return self._outcome.result
        return None

    def cannot_decide(self) -> Result:
        """End on the couplet's fallback aggregate (when it has one)."""
        couplet = self.current
        if couplet is None or not couplet.fallback:
            raise BivalvesError("no fallback aggregate at this step")
        self._outcome = Outcome(self.key.aggregate_result(couplet.fallback), self.path)
        self._by_fallback = True
        return self._outcome.result

    def back(self) -> bool:
        """Undo the last answer (or leave a fallback result); False at the first question."""
        at_fallback = self._outcome is not None and self._by_fallback
        self._outcome, self._by_fallback = None, False
        if at_fallback:
            return True
        if not self._steps:
            return False
        self._steps.pop()
        return True

    def restart(self) -> None:
        self._steps.clear()
        self._outcome, self._by_fallback = None, False

    def go_to(self, step: int) -> None:
        """Return to the question answered at `step` (0 = first question), forgetting later answers.

        `step` may also be the open question itself (or the couplet a fallback result left).
        """
        ended_by_lead = self._outcome is not None and not self._by_fallback
        if not 0 <= step <= len(self._steps) - (1 if ended_by_lead else 0):
            raise BivalvesError(f"no question {step + 1} in this path")
        del self._steps[step:]
        self._outcome, self._by_fallback = None, False
