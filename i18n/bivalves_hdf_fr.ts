<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="28"/>
        <source>GeoPackage of the data</source>
        <translation>GeoPackage des données</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="40"/>
        <source>Bivalves Hauts-de-France</source>
        <translation>Bivalves Hauts-de-France</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="34"/>
        <source>Update the data</source>
        <translation>Mettre à jour les données</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="35"/>
        <source>Load the layers</source>
        <translation>Charger les couches</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="36"/>
        <source>Identification key</source>
        <translation>Clé de détermination</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="37"/>
        <source>Extract for a procedure</source>
        <translation>Extraction pour procédure</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="38"/>
        <source>Indicators by territory</source>
        <translation>Indicateurs par territoire</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="39"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="40"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="112"/>
        <source>The action failed.</source>
        <translation>L'action a échoué.</translation>
    </message>
</context>
</TS>
