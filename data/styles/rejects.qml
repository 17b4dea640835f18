<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis readOnly="0" styleCategories="AllStyleCategories" version="3.22.16-Białowieża" maxScale="0" hasScaleBasedVisibilityFlag="0" minScale="1e+08">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startExpression="" endExpression="" durationUnit="min" enabled="0" durationField="" endField="" accumulate="0" fixedDuration="0" limitMode="0" mode="0" startField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option/>
  </customproperties>
  <geometryOptions removeDuplicateNodes="0" geometryPrecision="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="source">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="fichier">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ligne">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="motif">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="unknown_taxon" name="Taxon inconnu du référentiel" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="not_bivalve" name="Taxon hors bivalves" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="no_geometry" name="Aucune géométrie exploitable" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="outside_france" name="Coordonnées hors de France" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="swapped_coordinates" name="Latitude et longitude inversées" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="bad_date" name="Date invalide ou impossible" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="unreadable_row" name="Ligne illisible" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="detail">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="donneeBrute">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="importId">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" name="Source" field="source"/>
    <alias index="1" name="Fichier ou requête" field="fichier"/>
    <alias index="2" name="Numéro de ligne dans la source" field="ligne"/>
    <alias index="3" name="Motif du rejet (code)" field="motif"/>
    <alias index="4" name="Détail" field="detail"/>
    <alias index="5" name="Ligne brute (JSON)" field="donneeBrute"/>
    <alias index="6" name="Identifiant de l'import (refresh_log)" field="importId"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="source" expression=""/>
    <default applyOnUpdate="0" field="fichier" expression=""/>
    <default applyOnUpdate="0" field="ligne" expression=""/>
    <default applyOnUpdate="0" field="motif" expression=""/>
    <default applyOnUpdate="0" field="detail" expression=""/>
    <default applyOnUpdate="0" field="donneeBrute" expression=""/>
    <default applyOnUpdate="0" field="importId" expression=""/>
  </defaults>
  <constraints>
    <constraint exp_strength="0" field="source" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="fichier" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="ligne" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="motif" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="detail" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="donneeBrute" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="importId" constraints="0" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="source" desc="" exp=""/>
    <constraint field="fichier" desc="" exp=""/>
    <constraint field="ligne" desc="" exp=""/>
    <constraint field="motif" desc="" exp=""/>
    <constraint field="detail" desc="" exp=""/>
    <constraint field="donneeBrute" desc="" exp=""/>
    <constraint field="importId" desc="" exp=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortOrder="0" actionWidgetStyle="dropDown" sortExpression="">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression>"source" || ' ' || "ligne" || ' : ' || represent_value("motif")</previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>4</layerGeometryType>
</qgis>
