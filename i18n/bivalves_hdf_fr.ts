<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="82"/>
        <source>GeoPackage of the data</source>
        <translation>GeoPackage des données</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="157"/>
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
        <location filename="../bivalves_hdf/plugin_main.py" line="37"/>
        <source>Identification key</source>
        <translation>Clé de détermination</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="47"/>
        <source>Extract for a procedure</source>
        <translation>Extraction pour procédure</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="39"/>
        <source>Indicators by territory</source>
        <translation>Indicateurs par territoire</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="41"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="42"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="116"/>
        <source>The action failed.</source>
        <translation>L'action a échoué.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="41"/>
        <source>Bivalves: indicators by territory</source>
        <translation>Bivalves : indicateurs par territoire</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="66"/>
        <source>The indicators could not be computed.</source>
        <translation>Les indicateurs n'ont pas pu être calculés.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="72"/>
        <source>Indicators written in {folder}</source>
        <translation>Indicateurs enregistrés dans {folder}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="74"/>
        <source>Bivalve indicators</source>
        <translation>Indicateurs bivalves</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="144"/>
        <source>Data (GeoPackage)</source>
        <translation>Données (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="97"/>
        <source>Polygons of a layer</source>
        <translation>Polygones d'une couche</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="146"/>
        <source>Vector file</source>
        <translation>Fichier vecteur</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="58"/>
        <source>Territories</source>
        <translation>Territoires</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="227"/>
        <source>Only the selected features</source>
        <translation>Entités sélectionnées uniquement</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="108"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="60"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="152"/>
        <source>Vector files (*.geojson *.json *.gpkg *.shp *.kml)</source>
        <translation>Fichiers vecteur (*.geojson *.json *.gpkg *.shp *.kml)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="121"/>
        <source>Compute</source>
        <translation>Calculer</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="62"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="145"/>
        <source>Choose the territories file.</source>
        <translation>Choisissez le fichier des territoires.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="259"/>
        <source>Choose a polygon layer.</source>
        <translation>Choisissez une couche de polygones.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="273"/>
        <source>The data file does not exist: {path}</source>
        <translation>Le fichier de données n'existe pas : {path}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="161"/>
        <source>Choose the output folder.</source>
        <translation>Choisissez le dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="172"/>
        <source>The indicators are being computed.</source>
        <translation>Calcul des indicateurs en cours.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="73"/>
        <source>Select one or more polygons in the active layer first.</source>
        <translation>Sélectionnez d'abord un ou plusieurs polygones dans la couche active.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="100"/>
        <source>Web sources</source>
        <translation>Sources web</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="110"/>
        <source>Area and period</source>
        <translation>Zone et période</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="116"/>
        <source>Current map extent</source>
        <translation>Emprise actuelle de la carte</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="117"/>
        <source>Selected polygons of the active layer</source>
        <translation>Polygones sélectionnés de la couche active</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="118"/>
        <source>Polygon file…</source>
        <translation>Fichier de polygones…</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="81"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="122"/>
        <source>Polygons (*.gpkg *.shp *.geojson *.json *.kml)</source>
        <translation>Polygones (*.gpkg *.shp *.geojson *.json *.kml)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="125"/>
        <source>Polygon file</source>
        <translation>Fichier de polygones</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="126"/>
        <source>Limit the period</source>
        <translation>Limiter la période</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="166"/>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="168"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="188"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="121"/>
        <source>Only fetch what changed since the last update</source>
        <translation>Seulement ce qui a changé depuis la dernière mise à jour</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="146"/>
        <source>Export files to import (OpenObs, SINP, GeoNature, GBIF, Hub&apos;Eau)</source>
        <translation>Fichiers d'export à importer (OpenObs, SINP, GeoNature, GBIF, Hub'Eau)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="150"/>
        <source>Exports (*.csv *.txt *.zip *.json *.geojson);;All files (*)</source>
        <translation>Exports (*.csv *.txt *.zip *.json *.geojson);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="151"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="154"/>
        <source>The data are written to: {path}</source>
        <translation>Les données sont enregistrées dans : {path}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="158"/>
        <source>Estimate the counts</source>
        <translation>Estimer les effectifs</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="159"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="178"/>
        <source>Choose the polygon file of the area.</source>
        <translation>Choisissez le fichier de polygones de la zone.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="187"/>
        <source>File not found: {path}</source>
        <translation>Fichier introuvable : {path}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="190"/>
        <source>Tick a source or choose files to import.</source>
        <translation>Cochez une source ou choisissez des fichiers à importer.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="195"/>
        <source>The start of the period is after its end.</source>
        <translation>Le début de la période est postérieur à sa fin.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="222"/>
        <source>Counting the records of each source…</source>
        <translation>Comptage des observations de chaque source…</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="227"/>
        <source>Records per source: {counts}</source>
        <translation>Observations par source : {counts}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_refresh.py" line="296"/>
        <source>Update started in the background: see the progress bar.</source>
        <translation>Mise à jour lancée en arrière-plan : suivez-la dans la barre de progression.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="89"/>
        <source>Bivalves: extraction report</source>
        <translation>Bivalves : rapport d'extraction</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="121"/>
        <source>The report could not be made.</source>
        <translation>Le rapport n'a pas pu être produit.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="110"/>
        <source>Report written: {path}</source>
        <translation>Rapport enregistré : {path}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="146"/>
        <source>Polygon drawn below</source>
        <translation>Polygone dessiné ci-dessous</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="146"/>
        <source>Features of a layer</source>
        <translation>Entités d'une couche</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="67"/>
        <source>Perimeter</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="182"/>
        <source>Make the report</source>
        <translation>Produire le rapport</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="187"/>
        <source>Buffer</source>
        <translation>Zone tampon</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="78"/>
        <source>PDF report</source>
        <translation>Rapport PDF</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="211"/>
        <source>Clear the polygon</source>
        <translation>Effacer le polygone</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="240"/>
        <source>Click to add vertices, right-click to close the polygon.</source>
        <translation>Cliquez pour ajouter des sommets, clic droit pour fermer le polygone.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="235"/>
        <source>Polygon closed. Clear it to draw another one.</source>
        <translation>Polygone fermé. Effacez-le pour en dessiner un autre.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="252"/>
        <source>Draw a polygon first (right-click closes it).</source>
        <translation>Dessinez d'abord un polygone (le clic droit le ferme).</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="254"/>
        <source>polygon drawn on the map</source>
        <translation>polygone dessiné sur la carte</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="264"/>
        <source>{layer} ({n} feature(s))</source>
        <translation>{layer} ({n} entité(s))</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="267"/>
        <source>Choose the perimeter file.</source>
        <translation>Choisissez le fichier du périmètre.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="291"/>
        <source>The report is being made; it will open when ready.</source>
        <translation>Le rapport est en cours de production ; il s'ouvrira dès qu'il sera prêt.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="71"/>
        <source>Show the records</source>
        <translation>Afficher les observations</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="73"/>
        <source>Filter the occurrences layer to this taxon and zoom to it</source>
        <translation>Filtrer la couche des observations sur ce taxon et zoomer dessus</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="75"/>
        <source>Show all records</source>
        <translation>Afficher toutes les observations</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="82"/>
        <source>Nearby records</source>
        <translation>Observations proches</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="84"/>
        <source>Select the records of this taxon within the distance of the map centre</source>
        <translation>Sélectionner les observations de ce taxon situées dans le rayon indiqué autour du centre de la carte</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="92"/>
        <source>INPN page</source>
        <translation>Fiche INPN</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="110"/>
        <source>A group of species has no INPN page</source>
        <translation>Un groupe d'espèces n'a pas de fiche INPN</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="144"/>
        <source>The occurrences layer cannot be filtered.</source>
        <translation>La couche des observations ne peut pas être filtrée.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="150"/>
        <source>{n} record(s) of this taxon shown.</source>
        <translation>{n} observation(s) de ce taxon affichée(s).</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="152"/>
        <source>No record of this taxon in the occurrences layer.</source>
        <translation>Aucune observation de ce taxon dans la couche des observations.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="160"/>
        <source>All records shown.</source>
        <translation>Toutes les observations sont affichées.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="185"/>
        <source>{n} record(s) of this taxon within {km} km of the map centre (selected).</source>
        <translation>{n} observation(s) de ce taxon sélectionnée(s) à moins de {km} km du centre de la carte.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="21"/>
        <source>Protected (art. 2)</source>
        <translation>Protégé (art. 2)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="22"/>
        <source>Red-listed (CR, EN, VU, NT)</source>
        <translation>Inscrit sur liste rouge (CR, EN, VU, NT)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="23"/>
        <source>Invasive</source>
        <translation>Exotique envahissant</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="24"/>
        <source>Introduced</source>
        <translation>Introduit</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="25"/>
        <source>Native</source>
        <translation>Indigène</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="26"/>
        <source>Absences</source>
        <translation>Absences</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="27"/>
        <source>Empty shells / found dead</source>
        <translation>Coquilles vides / trouvés morts</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="32"/>
        <source>Certain only</source>
        <translation>Certain seulement</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="32"/>
        <source>Certain or probable</source>
        <translation>Certain ou probable</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="32"/>
        <source>Up to doubtful</source>
        <translation>Jusqu'à douteux</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="36"/>
        <source>Quick filters</source>
        <translation>Filtres rapides</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="56"/>
        <source>Taxon</source>
        <translation>Taxon</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="61"/>
        <source>any</source>
        <translation>indifférent</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="64"/>
        <source>Years from / to</source>
        <translation>Années de début / fin</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="66"/>
        <source>Any validation</source>
        <translation>Tous niveaux de validation</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="69"/>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="71"/>
        <source>Any status</source>
        <translation>Tous statuts</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="74"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="76"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="76"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="91"/>
        <source>All taxa</source>
        <translation>Tous les taxons</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="112"/>
        <source>Load the layers first.</source>
        <translation>Chargez d'abord les couches.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/filter_bar.py" line="118"/>
        <source>{n} records shown.</source>
        <translation>{n} observation(s) affichée(s).</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="34"/>
        <source>OpenObs (INPN)</source>
        <translation>OpenObs (INPN)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="35"/>
        <source>SINP Hauts-de-France</source>
        <translation>SINP Hauts-de-France</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="36"/>
        <source>GBIF</source>
        <translation>GBIF</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="37"/>
        <source>Hub&apos;Eau hydrobiology</source>
        <translation>Hub'Eau hydrobiologie</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="43"/>
        <source>Hauts-de-France region</source>
        <translation>Région Hauts-de-France</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="44"/>
        <source>Aisne (02)</source>
        <translation>Aisne (02)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="45"/>
        <source>Nord (59)</source>
        <translation>Nord (59)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="46"/>
        <source>Oise (60)</source>
        <translation>Oise (60)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="47"/>
        <source>Pas-de-Calais (62)</source>
        <translation>Pas-de-Calais (62)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="48"/>
        <source>Somme (80)</source>
        <translation>Somme (80)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="54"/>
        <source>Precise location</source>
        <translation>Localisation précise</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="55"/>
        <source>Municipality</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="56"/>
        <source>10 km grid cell</source>
        <translation>Maille 10 km</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="57"/>
        <source>Department</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="76"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="84"/>
        <source>The GeoPackage above</source>
        <translation>Le GeoPackage ci-dessus</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="85"/>
        <source>The shared PostGIS database</source>
        <translation>La base PostGIS partagée</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="87"/>
        <source>Load the layers from</source>
        <translation>Charger les couches depuis</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="90"/>
        <source>Shared PostGIS database</source>
        <translation>Base PostGIS partagée</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="95"/>
        <source>QGIS connection</source>
        <translation>Connexion QGIS</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="52"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="55"/>
        <source>Schema</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="103"/>
        <source>Updates</source>
        <translation>Mises à jour</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="111"/>
        <source>Default sources</source>
        <translation>Sources par défaut</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="114"/>
        <source>Default area</source>
        <translation>Zone par défaut</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="118"/>
        <source> requests/s</source>
        <translation> requêtes/s</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="120"/>
        <source>Rate limit per service</source>
        <translation>Débit maximal par service</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/options_page.py" line="126"/>
        <source>Sensitive records</source>
        <translation>Données sensibles</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_import.py" line="30"/>
        <source>Import export files</source>
        <translation>Importer des fichiers d'export</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_import.py" line="33"/>
        <source>Reads OpenObs, SINP, GeoNature, GBIF or Hub&apos;Eau export files (CSV, JSON, zip), normalises them and merges them into the GeoPackage, which is rewritten only when the import succeeds. Rows that cannot be used go to the rejects table with their reason.</source>
        <translation>Lit des fichiers d'export d'OpenObs, du SINP, de GeoNature, du GBIF ou de Hub'Eau (CSV, JSON, zip), les normalise et les fusionne dans le GeoPackage, qui n'est réécrit que si l'import réussit. Les lignes inutilisables vont dans la table des rejets (rejects) avec leur motif.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_import.py" line="43"/>
        <source>Export files</source>
        <translation>Fichiers d'export</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="104"/>
        <source>GeoPackage to update</source>
        <translation>GeoPackage à mettre à jour</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_import.py" line="58"/>
        <source>No file to import.</source>
        <translation>Aucun fichier à importer.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_import.py" line="69"/>
        <source>{read} rows read, {kept} kept, {merged} merged, {rejected} rejected.</source>
        <translation>Lignes lues : {read}, retenues : {kept}, fusionnées : {merged}, rejetées : {rejected}.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="42"/>
        <source>For each polygon (communes, EPCI, SCoT or PLUi perimeters, project footprints): number of records and taxa, protected, red-listed and invasive taxa, last observation year, share of 10 km cells holding data and sampling effort by decade. Writes a GeoPackage layer, a CSV and a one-page PDF summary per territory, with the limits of the data.</source>
        <translation>Pour chaque polygone (communes, périmètres d'EPCI, de SCoT ou de PLUi, emprises de projets) : nombre d'observations et de taxons, taxons protégés, inscrits sur liste rouge et exotiques envahissants, année de la dernière observation, part des mailles 10 km contenant des données et effort d'échantillonnage par décennie. Produit une couche GeoPackage, un CSV et une synthèse PDF d'une page par territoire, avec les limites des données.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="65"/>
        <source>Bivalves GeoPackage</source>
        <translation>GeoPackage des bivalves</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="63"/>
        <source>Indicators (GeoPackage)</source>
        <translation>Indicateurs (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="63"/>
        <source>Indicators (CSV)</source>
        <translation>Indicateurs (CSV)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="63"/>
        <source>Summary (PDF)</source>
        <translation>Synthèse (PDF)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="72"/>
        <source>The territories layer cannot be read.</source>
        <translation>La couche des territoires ne peut pas être lue.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_indicators.py" line="81"/>
        <source>{n} territories computed.</source>
        <translation>Territoires calculés : {n}.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="30"/>
        <source>Publish to the shared PostGIS database</source>
        <translation>Publier dans la base PostGIS partagée</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="33"/>
        <source>Copies every table of the GeoPackage into a staging schema, then replaces the published schema in one transaction: readers see the previous data or the new data, never a mix. Reader roles get USAGE and SELECT on the new schema.</source>
        <translation>Copie toutes les tables du GeoPackage dans un schéma de préparation, puis remplace le schéma publié en une seule transaction : les lecteurs voient soit les données précédentes, soit les nouvelles, jamais un mélange. Les rôles lecteurs reçoivent les droits USAGE et SELECT sur le nouveau schéma.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="44"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="47"/>
        <source>PostgreSQL connection</source>
        <translation>Connexion PostgreSQL</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="56"/>
        <source>Reader roles (comma-separated)</source>
        <translation>Rôles lecteurs (séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="59"/>
        <source>Occurrences published</source>
        <translation>Observations publiées</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="74"/>
        <source>Give the schema to publish to.</source>
        <translation>Indiquez le schéma de publication.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_publish_postgis.py" line="78"/>
        <source>Publication failed: {error}</source>
        <translation>Échec de la publication : {error}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="30"/>
        <source>Dates are written YYYY-MM-DD: {text}</source>
        <translation>Les dates s'écrivent AAAA-MM-JJ : {text}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="40"/>
        <source>Expected source=URL: {item}</source>
        <translation>Format attendu source=URL : {item}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="63"/>
        <source>Update the data from the web sources</source>
        <translation>Mettre à jour les données depuis les sources web</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="66"/>
        <source>Downloads bivalve records from the chosen sources for an area (region, dept:NN, bbox:XMIN,YMIN,XMAX,YMAX in Lambert-93 or a polygon file) and period, then merges them into the GeoPackage. A source that fails adds nothing; the others are kept.</source>
        <translation>Télécharge les observations de bivalves des sources choisies pour une zone (region, dept:NN, bbox:XMIN,YMIN,XMAX,YMAX en Lambert-93 ou un fichier de polygones) et une période, puis les fusionne dans le GeoPackage. Une source en échec n'ajoute rien ; les autres sont conservées.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="78"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="82"/>
        <source>From (YYYY-MM-DD)</source>
        <translation>Date de début (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="83"/>
        <source>To (YYYY-MM-DD)</source>
        <translation>Date de fin (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="84"/>
        <source>Only what changed since the last update</source>
        <translation>Seulement ce qui a changé depuis la dernière mise à jour</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="89"/>
        <source>Requests per second</source>
        <translation>Requêtes par seconde</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="99"/>
        <source>Base URLs of the services (mirrors): source=URL;source=URL</source>
        <translation>URL de base des services (miroirs) : source=URL;source=URL</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="141"/>
        <source>Cancelled: the data were left as they were.</source>
        <translation>Annulé : les données sont restées inchangées.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_refresh.py" line="143"/>
        <source>No source could be fetched: the data were left as they were.</source>
        <translation>Aucune source n'a pu être téléchargée : les données sont restées inchangées.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="50"/>
        <source>Writes a PDF report of the bivalve records inside a perimeter (plus an optional buffer and period): maps, taxa with their statuses and the legal texts that apply, the records with their provenance, and the limits of the data. The same records are written as a GeoPackage and a CSV beside the PDF. Sensitive records are shown no more precisely than the chosen precision.</source>
        <translation>Produit un rapport PDF des observations de bivalves situées dans un périmètre (avec, en option, une zone tampon et une période) : cartes, taxons avec leurs statuts et les textes réglementaires correspondants, observations avec leur provenance, et limites des données. Les mêmes observations sont enregistrées en GeoPackage et en CSV à côté du PDF. Les données sensibles ne sont pas localisées plus précisément que la précision choisie.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="69"/>
        <source>Buffer (m)</source>
        <translation>Zone tampon (m)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="71"/>
        <source>From (date)</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="71"/>
        <source>To (date)</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="79"/>
        <source>Records (GeoPackage)</source>
        <translation>Observations (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="80"/>
        <source>Records (CSV)</source>
        <translation>Observations (CSV)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="89"/>
        <source>The perimeter layer cannot be read.</source>
        <translation>La couche du périmètre ne peut pas être lue.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="48"/>
        <source>Taxon lookup used by the key</source>
        <translation>Recherche de taxon utilisée par la clé</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="51"/>
        <source>Gives the taxa whose characters match the states you know, in any order, from the character matrix of the identification key, and the character that would best split them. States come from the choices below and/or a JSON object such as {&quot;hinge_teeth&quot;: &quot;absent&quot;, &quot;adult_length&quot;: [&quot;60_to_120&quot;, &quot;gt_120&quot;]}; a character left out is unknown.</source>
        <translation>Donne les taxons dont les caractères correspondent aux états que vous connaissez, saisis dans n'importe quel ordre, d'après la matrice de caractères de la clé de détermination, ainsi que le caractère qui les départagerait le mieux. Les états proviennent des choix ci-dessous et/ou d'un objet JSON tel que {&quot;hinge_teeth&quot;: &quot;absent&quot;, &quot;adult_length&quot;: [&quot;60_to_120&quot;, &quot;gt_120&quot;]} ; un caractère omis est considéré comme inconnu.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="64"/>
        <source>Character states (JSON)</source>
        <translation>États des caractères (JSON)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="71"/>
        <source>Candidate taxa</source>
        <translation>Taxons candidats</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="73"/>
        <source>Candidate taxa (JSON)</source>
        <translation>Taxons candidats (JSON)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="74"/>
        <source>Number of candidates</source>
        <translation>Nombre de candidats</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="75"/>
        <source>Character that best splits them</source>
        <translation>Caractère qui les départage le mieux</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="76"/>
        <source>Results the key can still reach (JSON)</source>
        <translation>Résultats encore accessibles par la clé (JSON)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="85"/>
        <source>The character states are not valid JSON: {error}</source>
        <translation>Les états des caractères ne sont pas du JSON valide : {error}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="88"/>
        <source>The character states must be a JSON object.</source>
        <translation>Les états des caractères doivent être un objet JSON.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="119"/>
        <source>{n} candidate taxa.</source>
        <translation>Taxons candidats : {n}.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_taxon_lookup.py" line="121"/>
        <source>Character that best splits them: {character}</source>
        <translation>Caractère qui les départage le mieux : {character}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/import_task.py" line="23"/>
        <source>Importing bivalve files</source>
        <translation>Import de fichiers de bivalves</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/import_task.py" line="53"/>
        <source>Import done: {read} rows read, {kept} kept, {merged} merged, {rejected} rejected.</source>
        <translation>Import terminé. Lignes lues : {read}, retenues : {kept}, fusionnées : {merged}, rejetées : {rejected}.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/import_task.py" line="61"/>
        <source>Import cancelled: the data were left as they were.</source>
        <translation>Import annulé : les données sont restées inchangées.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/import_task.py" line="63"/>
        <source>The import failed: the data were left as they were.</source>
        <translation>L'import a échoué : les données sont restées inchangées.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/layers.py" line="76"/>
        <source>No PostgreSQL connection named “{name}” in QGIS.</source>
        <translation>Aucune connexion PostgreSQL nommée « {name} » dans QGIS.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/layers.py" line="130"/>
        <source>Regulatory status</source>
        <translation>Statut réglementaire</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/layers.py" line="132"/>
        <source>Record age</source>
        <translation>Âge de la donnée</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/layers.py" line="132"/>
        <source>Location precision</source>
        <translation>Précision de la localisation</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/layers.py" line="211"/>
        <source>No data yet: first run “Update the data”.</source>
        <translation>Aucune donnée : lancez d'abord « Mettre à jour les données ».</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/layers.py" line="216"/>
        <source>The layers could not be loaded.</source>
        <translation>Les couches n'ont pas pu être chargées.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/layers.py" line="218"/>
        <source>{n} layers loaded.</source>
        <translation>Couches chargées : {n}.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/tasks.py" line="50"/>
        <source>Bivalves: update from the web services</source>
        <translation>Bivalves : mise à jour depuis les services web</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/tasks.py" line="70"/>
        <source>Update failed: {error}</source>
        <translation>Échec de la mise à jour : {error}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/tasks.py" line="72"/>
        <source>Update cancelled: the data were left as they were.</source>
        <translation>Mise à jour annulée : les données sont restées inchangées.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/tasks.py" line="77"/>
        <source>Update done: {kept} records kept, {rejected} rejected, {warnings} warnings.</source>
        <translation>Mise à jour terminée. Observations retenues : {kept}, rejetées : {rejected} ; avertissements : {warnings}.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/tasks.py" line="82"/>
        <source>Update incomplete, failed: {failed}</source>
        <translation>Mise à jour incomplète, sources en échec : {failed}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/tasks.py" line="94"/>
        <source>Bivalves: counting the records of each source</source>
        <translation>Bivalves : comptage des observations de chaque source</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/tasks.py" line="109"/>
        <source>Counting failed: {error}</source>
        <translation>Échec du comptage : {error}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/qgis_io/tasks.py" line="109"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_report.py" line="262"/>
        <source>The layer has no feature to use (none selected, or the layer is empty).</source>
        <translation>La couche n'a aucune entité à utiliser (aucune sélectionnée, ou couche vide).</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dock_key.py" line="131"/>
        <source>The bivalve records layer is not in the project: load the layers first.</source>
        <translation>La couche des observations de bivalves n'est pas dans le projet : chargez d'abord les couches.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/plugin_main.py" line="40"/>
        <source>Publish to the shared database</source>
        <translation>Publier dans la base partagée</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/dlg_indicators.py" line="111"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/processing/alg_report.py" line="76"/>
        <source>Precision of sensitive records</source>
        <translation>Précision des données sensibles</translation>
    </message>
</context>
<context>
    <name>BivalvesHdf</name>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="46"/>
        <source>naked eye or x10 hand lens</source>
        <translation>l'œil nu ou une loupe x10</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="47"/>
        <source>an empty or opened shell (inside, hinge)</source>
        <translation>une coquille vide ou ouverte (face interne, charnière)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="48"/>
        <source>a live animal (siphons)</source>
        <translation>un animal vivant (siphons)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="49"/>
        <source>a cleaned shell under a stereo-microscope, or an expert</source>
        <translation>une coquille nettoyée sous loupe binoculaire, ou un expert</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="136"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="138"/>
        <source>Undo the last answer (Backspace)</source>
        <translation>Annuler la dernière réponse (Retour arrière)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="140"/>
        <source>Restart</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="142"/>
        <source>Start again from the first question (Home)</source>
        <translation>Reprendre à la première question (Début)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="145"/>
        <source>I cannot tell</source>
        <translation>Je ne sais pas</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="147"/>
        <source>Stop at the group of species this question separates (confirmation by a specialist)</source>
        <translation>S'arrêter au groupe d'espèces que sépare cette question (confirmation par un spécialiste)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="242"/>
        <source>Multi-access</source>
        <translation>Multi-accès</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="153"/>
        <source>Give the characters you know, in any order, and see the taxa that remain</source>
        <translation>Indiquer les caractères connus, dans n'importe quel ordre, et voir les taxons restants</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="172"/>
        <source>Answer {n}</source>
        <translation>Réponse {n}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="203"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="214"/>
        <source>Question {n}</source>
        <translation>Question {n}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="243"/>
        <source>Which characters can you see?</source>
        <translation>Quels caractères pouvez-vous observer ?</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="252"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/multiaccess_widget.py" line="54"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/multiaccess_widget.py" line="67"/>
        <source>Double-click a taxon to open its sheet</source>
        <translation>Double-cliquez sur un taxon pour ouvrir sa fiche</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/multiaccess_widget.py" line="73"/>
        <source>Forget every character</source>
        <translation>Effacer tous les caractères</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/multiaccess_widget.py" line="101"/>
        <source>{n} candidate taxa.</source>
        <translation>Taxons candidats : {n}.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/multiaccess_widget.py" line="104"/>
        <source>Most useful next character: {character}</source>
        <translation>Prochain caractère le plus utile : {character}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="33"/>
        <source>Protected species (art. 2)</source>
        <translation>Espèce protégée (art. 2)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="35"/>
        <source>French red list: {category}</source>
        <translation>Liste rouge nationale : {category}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="42"/>
        <source>Invasive species of Union concern</source>
        <translation>Espèce exotique envahissante préoccupante pour l'Union</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="44"/>
        <source>Invasive alien species</source>
        <translation>Espèce exotique envahissante</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="46"/>
        <source>Introduced</source>
        <translation>Introduite</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="48"/>
        <source>Group of species</source>
        <translation>Groupe d'espèces</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="50"/>
        <source>Confirmation by a specialist</source>
        <translation>Confirmation par un spécialiste</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="68"/>
        <source>Checked against the sources: {verification}</source>
        <translation>Vérification auprès des sources : {verification}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="87"/>
        <source>Protected species: collect nothing, not even an empty shell. Photograph, record, report.</source>
        <translation>Espèce protégée : ne rien prélever, pas même une coquille vide. Photographier, noter, signaler.</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="124"/>
        <source>Species of the group</source>
        <translation>Espèces du groupe</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="127"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="130"/>
        <source>Do not confuse with</source>
        <translation>Ne pas confondre avec</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="133"/>
        <source>Characters (character matrix)</source>
        <translation>Caractères (matrice de caractères)</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="138"/>
        <source>Your answers</source>
        <translation>Vos réponses</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="141"/>
        <source>Sources: {sources} (see data/key/README.md); checked: {verification}</source>
        <translation>Sources : {sources} (voir data/key/README.md) ; vérification : {verification}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/key_widget.py" line="232"/>
        <source>Needs: {needs}</source>
        <translation>Nécessite : {needs}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="39"/>
        <source>Habitats Directive, annex(es) {annexes}</source>
        <translation>Directive Habitats, annexe(s) {annexes}</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="57"/>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="58"/>
        <source>partly verified</source>
        <translation>partiellement vérifié</translation>
    </message>
    <message>
        <location filename="../bivalves_hdf/gui/species_sheet.py" line="59"/>
        <source>not verified</source>
        <translation>non vérifié</translation>
    </message>
</context>
</TS>
