"""Processing: the taxon lookup used by the key — candidate taxa from whatever character states are known."""

from __future__ import annotations

import json

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from bivalves_hdf.core.errors import BivalvesError
from bivalves_hdf.core.key.identify import identify, parse_specimen
from bivalves_hdf.core.key.loader import load_characters, load_key
from bivalves_hdf.core.key.model import localized
from bivalves_hdf.core.key.multiaccess import best_splits, candidates
from bivalves_hdf.qgis_io.compat import FIELD_INT, FIELD_STRING, WKB_NO_GEOMETRY
from bivalves_hdf.qgis_io.i18n import tr, user_locale


def parameter_name(character: str) -> str:
    return character.upper()


class TaxonLookupAlgorithm(QgsProcessingAlgorithm):
    """Calls core.key: multi-access candidates from the matrix, and the results the key can still reach."""

    STATES = "STATES"
    OUTPUT = "OUTPUT"
    CANDIDATES = "CANDIDATES"
    COUNT = "COUNT"
    BEST_CHARACTER = "BEST_CHARACTER"
    KEY_RESULTS = "KEY_RESULTS"

    def name(self) -> str:
        return "taxon_lookup"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return tr("Taxon lookup used by the key")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return tr(
            "Gives the taxa whose characters match the states you know, in any order, from the character matrix "
            "of the identification key, and the character that would best split them. States come from the "
            "choices below and/or a JSON object such as {\"hinge_teeth\": \"absent\", \"adult_length\": "
            "[\"60_to_120\", \"gt_120\"]}; a character left out is unknown."
        )

    def createInstance(self) -> TaxonLookupAlgorithm:  # noqa: N802 - QGIS API
        return TaxonLookupAlgorithm()

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 - QGIS API
        characters = load_characters()  # QGIS runs this when the provider loads: the vocabulary only
        language = "fr" if user_locale() == "fr" else "en"
        self.addParameter(QgsProcessingParameterString(
            self.STATES, tr("Character states (JSON)"), defaultValue="{}", multiLine=True, optional=True))
        for cid, character in characters.items():
            options = [f"{state}: {localized(label, language)}" for state, label in character.states.items()]
            self.addParameter(QgsProcessingParameterEnum(
                parameter_name(cid), localized(character.label, language), options=options, allowMultiple=True,
                optional=True, defaultValue=None))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Candidate taxa"), optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputString(self.CANDIDATES, tr("Candidate taxa (JSON)")))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Number of candidates")))
        self.addOutput(QgsProcessingOutputString(self.BEST_CHARACTER, tr("Character that best splits them")))
        self.addOutput(QgsProcessingOutputString(self.KEY_RESULTS, tr("Results the key can still reach (JSON)")))

    def states(self, parameters, context) -> dict:
        """The states given as JSON and as choices (choices win for a character given twice)."""
        key = load_key()
        text = (self.parameterAsString(parameters, self.STATES, context) or "").strip() or "{}"
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as error:
            raise QgsProcessingException(tr("The character states are not valid JSON: {error}").format(
                error=error)) from error
        if not isinstance(raw, dict):
            raise QgsProcessingException(tr("The character states must be a JSON object."))
        for cid, character in key.characters.items():
            if parameters.get(parameter_name(cid)) in (None, "", []):
                continue  # an unset enum would read as its first option
            chosen = self.parameterAsEnums(parameters, parameter_name(cid), context)
            if chosen:
                states = list(character.states)
                raw[cid] = [states[i] for i in chosen]
        try:
            return parse_specimen(key, raw)
        except BivalvesError as error:
            raise QgsProcessingException(str(error)) from error

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        key = load_key()
        known = self.states(parameters, context)
        found = candidates(key, known)
        splits = best_splits(key, known, found, limit=1)
        outcomes = identify(key, known)
        fields = QgsFields()
        for name, kind in (("cd_ref", FIELD_INT), ("scientific_name", FIELD_STRING),
                           ("french_name", FIELD_STRING), ("family", FIELD_STRING)):
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY)
        for taxon in found:
            if sink is None:
                break
            feature = QgsFeature(fields)
            feature.setAttributes([taxon.cd_ref, taxon.name, taxon.french_name, taxon.family])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        best = splits[0].character if splits else ""
        feedback.pushInfo(tr("{n} candidate taxa.").format(n=len(found)))
        if best:
            feedback.pushInfo(tr("Character that best splits them: {character}").format(character=best))
        return {
            self.OUTPUT: sink_id,
            self.CANDIDATES: json.dumps([{"cd_ref": t.cd_ref, "scientific_name": t.name} for t in found],
                                        ensure_ascii=False),
            self.COUNT: len(found),
            self.BEST_CHARACTER: best,
            self.KEY_RESULTS: json.dumps([{"scientific_name": o.result.scientific_name, "cd_ref": o.result.cd_ref,
                                           "aggregate": o.result.aggregate} for o in outcomes], ensure_ascii=False),
        }


ALGORITHM = TaxonLookupAlgorithm
