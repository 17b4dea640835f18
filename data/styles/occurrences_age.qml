<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis readOnly="0" simplifyMaxScale="1" styleCategories="AllStyleCategories" simplifyDrawingTol="1" version="3.22.16-Białowieża" labelsEnabled="0" maxScale="0" simplifyAlgorithm="0" hasScaleBasedVisibilityFlag="0" simplifyLocal="1" symbologyReferenceScale="-1" simplifyDrawingHints="1" minScale="100000000">
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
  <renderer-v2 symbollevels="0" forceraster="0" referencescale="-1" enableorderby="0" type="RuleRenderer">
    <rules key="{ddd5e5ef-25b9-44f0-bd6e-aa2659418f11}">
      <rule label="Moins de 10 ans" filter="&quot;annee&quot; >= year(now()) - 9" symbol="0" key="{7e021ddd-6fe1-4be2-b085-01c070c80c02}"/>
      <rule label="10 à 24 ans" filter="&quot;annee&quot; BETWEEN year(now()) - 24 AND year(now()) - 10" symbol="1" key="{6d3de78f-43ba-4c20-beaa-52369a00fc8c}"/>
      <rule label="25 à 49 ans" filter="&quot;annee&quot; BETWEEN year(now()) - 49 AND year(now()) - 25" symbol="2" key="{ca670db6-c6f5-4c8a-a8cf-a8a1f000d83b}"/>
      <rule label="50 ans et plus" filter="&quot;annee&quot; &lt;= year(now()) - 50" symbol="3" key="{4f67bdd3-a0d2-4a74-9792-c8a994d72f54}"/>
      <rule label="Année inconnue" filter="&quot;annee&quot; IS NULL" symbol="4" key="{ade4395d-094e-4eca-9af3-39d449e29bb3}"/>
    </rules>
    <symbols>
      <symbol force_rhr="0" name="0" type="marker" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="26,150,65,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="255,255,255,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.8" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="26,150,65,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.8"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol force_rhr="0" name="1" type="marker" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="166,217,106,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="255,255,255,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.6" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="166,217,106,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.6"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol force_rhr="0" name="2" type="marker" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="253,174,97,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="255,255,255,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.4" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="253,174,97,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol force_rhr="0" name="3" type="marker" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="215,25,28,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="255,255,255,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.4" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="215,25,28,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol force_rhr="0" name="4" type="marker" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="189,189,189,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="127,127,127,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.2" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="189,189,189,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="127,127,127,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.2"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions removeDuplicateNodes="0" geometryPrecision="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="idSINPOccTax">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="cdNom">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="cdRef">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="nomCite">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="nomValide">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="nomVernaculaire">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="dateDebut">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option value="true" name="calendar_popup" type="bool"/>
            <Option value="dd/MM/yyyy" name="display_format" type="QString"/>
            <Option value="yyyy-MM-dd" name="field_format" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="dateFin">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option value="true" name="calendar_popup" type="bool"/>
            <Option value="dd/MM/yyyy" name="display_format" type="QString"/>
            <Option value="yyyy-MM-dd" name="field_format" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="annee">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="statutObservation">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="Pr" name="Présent" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="No" name="Non observé" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NSP" name="Ne sait pas" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="occEtatBiologique">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="0" name="Inconnu" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="1" name="Non renseigné" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="2" name="Observé vivant" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="3" name="Trouvé mort" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="estAbsence">
      <editWidget type="CheckBox">
        <config>
          <Option type="Map">
            <Option value="" name="CheckedState" type="QString"/>
            <Option value="1" name="TextDisplayMethod" type="int"/>
            <Option value="" name="UncheckedState" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="estCoquilleMorte">
      <editWidget type="CheckBox">
        <config>
          <Option type="Map">
            <Option value="" name="CheckedState" type="QString"/>
            <Option value="1" name="TextDisplayMethod" type="int"/>
            <Option value="" name="UncheckedState" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="precisionGeometrie">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="classePrecision">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="precise" name="Précise (point, moins de 100 m)" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="approchee" name="Approchée (100 m à 1 km)" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="commune" name="Commune" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="maille" name="Maille 10 km" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="floutee" name="Polygone flouté" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="departement" name="Département" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="natureObjetGeo">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="St" name="Stationnel" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="In" name="Inventoriel" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NSP" name="Ne sait pas" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="codeCommune">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="codeDepartement">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="codeMaille">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="denombrementMin">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="denombrementMax">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="objetDenombrement">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="IND" name="Individu" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="COL" name="Colonie" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="SURF" name="Surface" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NSP" name="Ne sait pas" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="observateur">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="organismeGestionnaireDonnee">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="idSINPJdd">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="dSPublique">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="Pu" name="Publique" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="Pr" name="Privée" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NSP" name="Ne sait pas" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="sensiNiveau">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="0" name="Non sensible - diffusion précise" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="1" name="Sensible - diffusion à la commune ou ZNIEFF" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="2" name="Sensible - diffusion à la maille 10 km" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="3" name="Sensible - diffusion au département" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="4" name="Sensible - aucune diffusion" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="nivValidation">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="0" name="En attente de validation" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="1" name="Certain - très probable" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="2" name="Probable" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="3" name="Douteux" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="4" name="Invalide" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="5" name="Non réalisable" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="6" name="Inconnu" type="int"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="source">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="sourceRecordId">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="provenance">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="zoneId">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="protege">
      <editWidget type="CheckBox">
        <config>
          <Option type="Map">
            <Option value="" name="CheckedState" type="QString"/>
            <Option value="1" name="TextDisplayMethod" type="int"/>
            <Option value="" name="UncheckedState" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="listeRouge">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="directiveHabitats">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="envahissant">
      <editWidget type="CheckBox">
        <config>
          <Option type="Map">
            <Option value="" name="CheckedState" type="QString"/>
            <Option value="1" name="TextDisplayMethod" type="int"/>
            <Option value="" name="UncheckedState" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="origine">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="native" name="Indigène" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="introduced" name="Introduit" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="invasive" name="Exotique envahissant" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="milieu">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="freshwater" name="Eau douce" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="brackish" name="Saumâtre" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="marine" name="Marin" type="QString"/>
              </Option>
            </Option>
          </Option>
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
    <alias index="0" name="Identifiant SINP de l'occurrence" field="idSINPOccTax"/>
    <alias index="1" name="Code TAXREF du nom cité (cd_nom)" field="cdNom"/>
    <alias index="2" name="Code TAXREF du taxon de référence (cd_ref)" field="cdRef"/>
    <alias index="3" name="Nom cité" field="nomCite"/>
    <alias index="4" name="Nom valide" field="nomValide"/>
    <alias index="5" name="Nom vernaculaire" field="nomVernaculaire"/>
    <alias index="6" name="Date de début" field="dateDebut"/>
    <alias index="7" name="Date de fin" field="dateFin"/>
    <alias index="8" name="Année d'observation" field="annee"/>
    <alias index="9" name="Statut d'observation" field="statutObservation"/>
    <alias index="10" name="État biologique" field="occEtatBiologique"/>
    <alias index="11" name="Absence (non observé)" field="estAbsence"/>
    <alias index="12" name="Coquille vide / trouvé mort" field="estCoquilleMorte"/>
    <alias index="13" name="Précision de la géométrie (m)" field="precisionGeometrie"/>
    <alias index="14" name="Classe de précision" field="classePrecision"/>
    <alias index="15" name="Nature de l'objet géographique" field="natureObjetGeo"/>
    <alias index="16" name="Code INSEE de la commune" field="codeCommune"/>
    <alias index="17" name="Code du département" field="codeDepartement"/>
    <alias index="18" name="Maille 10 km (INPN)" field="codeMaille"/>
    <alias index="19" name="Dénombrement minimal" field="denombrementMin"/>
    <alias index="20" name="Dénombrement maximal" field="denombrementMax"/>
    <alias index="21" name="Objet du dénombrement" field="objetDenombrement"/>
    <alias index="22" name="Observateur(s)" field="observateur"/>
    <alias index="23" name="Organisme gestionnaire de la donnée" field="organismeGestionnaireDonnee"/>
    <alias index="24" name="Identifiant du jeu de données" field="idSINPJdd"/>
    <alias index="25" name="Donnée source publique ou privée" field="dSPublique"/>
    <alias index="26" name="Niveau de sensibilité" field="sensiNiveau"/>
    <alias index="27" name="Niveau de validation" field="nivValidation"/>
    <alias index="28" name="Source" field="source"/>
    <alias index="29" name="Identifiant dans la source" field="sourceRecordId"/>
    <alias index="30" name="Provenances fusionnées (JSON)" field="provenance"/>
    <alias index="31" name="Identifiant de la zone de localisation" field="zoneId"/>
    <alias index="32" name="Protégé (arrêté du 23 avril 2007, art. 2)" field="protege"/>
    <alias index="33" name="Liste rouge nationale (catégorie)" field="listeRouge"/>
    <alias index="34" name="Annexes de la directive Habitats" field="directiveHabitats"/>
    <alias index="35" name="Espèce exotique envahissante" field="envahissant"/>
    <alias index="36" name="Origine (indigène, introduit, envahissant)" field="origine"/>
    <alias index="37" name="Milieu (eau douce, saumâtre, marin)" field="milieu"/>
    <alias index="38" name="Identifiant de l'import (refresh_log)" field="importId"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="idSINPOccTax" expression=""/>
    <default applyOnUpdate="0" field="cdNom" expression=""/>
    <default applyOnUpdate="0" field="cdRef" expression=""/>
    <default applyOnUpdate="0" field="nomCite" expression=""/>
    <default applyOnUpdate="0" field="nomValide" expression=""/>
    <default applyOnUpdate="0" field="nomVernaculaire" expression=""/>
    <default applyOnUpdate="0" field="dateDebut" expression=""/>
    <default applyOnUpdate="0" field="dateFin" expression=""/>
    <default applyOnUpdate="0" field="annee" expression=""/>
    <default applyOnUpdate="0" field="statutObservation" expression=""/>
    <default applyOnUpdate="0" field="occEtatBiologique" expression=""/>
    <default applyOnUpdate="0" field="estAbsence" expression=""/>
    <default applyOnUpdate="0" field="estCoquilleMorte" expression=""/>
    <default applyOnUpdate="0" field="precisionGeometrie" expression=""/>
    <default applyOnUpdate="0" field="classePrecision" expression=""/>
    <default applyOnUpdate="0" field="natureObjetGeo" expression=""/>
    <default applyOnUpdate="0" field="codeCommune" expression=""/>
    <default applyOnUpdate="0" field="codeDepartement" expression=""/>
    <default applyOnUpdate="0" field="codeMaille" expression=""/>
    <default applyOnUpdate="0" field="denombrementMin" expression=""/>
    <default applyOnUpdate="0" field="denombrementMax" expression=""/>
    <default applyOnUpdate="0" field="objetDenombrement" expression=""/>
    <default applyOnUpdate="0" field="observateur" expression=""/>
    <default applyOnUpdate="0" field="organismeGestionnaireDonnee" expression=""/>
    <default applyOnUpdate="0" field="idSINPJdd" expression=""/>
    <default applyOnUpdate="0" field="dSPublique" expression=""/>
    <default applyOnUpdate="0" field="sensiNiveau" expression=""/>
    <default applyOnUpdate="0" field="nivValidation" expression=""/>
    <default applyOnUpdate="0" field="source" expression=""/>
    <default applyOnUpdate="0" field="sourceRecordId" expression=""/>
    <default applyOnUpdate="0" field="provenance" expression=""/>
    <default applyOnUpdate="0" field="zoneId" expression=""/>
    <default applyOnUpdate="0" field="protege" expression=""/>
    <default applyOnUpdate="0" field="listeRouge" expression=""/>
    <default applyOnUpdate="0" field="directiveHabitats" expression=""/>
    <default applyOnUpdate="0" field="envahissant" expression=""/>
    <default applyOnUpdate="0" field="origine" expression=""/>
    <default applyOnUpdate="0" field="milieu" expression=""/>
    <default applyOnUpdate="0" field="importId" expression=""/>
  </defaults>
  <constraints>
    <constraint exp_strength="0" field="idSINPOccTax" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="cdNom" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="cdRef" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="nomCite" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="nomValide" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="nomVernaculaire" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="dateDebut" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="dateFin" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="annee" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="statutObservation" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="occEtatBiologique" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="estAbsence" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="estCoquilleMorte" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="precisionGeometrie" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="classePrecision" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="natureObjetGeo" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="codeCommune" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="codeDepartement" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="codeMaille" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="denombrementMin" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="denombrementMax" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="objetDenombrement" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="observateur" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="organismeGestionnaireDonnee" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="idSINPJdd" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="dSPublique" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="sensiNiveau" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="nivValidation" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="source" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="sourceRecordId" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="provenance" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="zoneId" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="protege" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="listeRouge" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="directiveHabitats" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="envahissant" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="origine" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="milieu" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="importId" constraints="0" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="idSINPOccTax" desc="" exp=""/>
    <constraint field="cdNom" desc="" exp=""/>
    <constraint field="cdRef" desc="" exp=""/>
    <constraint field="nomCite" desc="" exp=""/>
    <constraint field="nomValide" desc="" exp=""/>
    <constraint field="nomVernaculaire" desc="" exp=""/>
    <constraint field="dateDebut" desc="" exp=""/>
    <constraint field="dateFin" desc="" exp=""/>
    <constraint field="annee" desc="" exp=""/>
    <constraint field="statutObservation" desc="" exp=""/>
    <constraint field="occEtatBiologique" desc="" exp=""/>
    <constraint field="estAbsence" desc="" exp=""/>
    <constraint field="estCoquilleMorte" desc="" exp=""/>
    <constraint field="precisionGeometrie" desc="" exp=""/>
    <constraint field="classePrecision" desc="" exp=""/>
    <constraint field="natureObjetGeo" desc="" exp=""/>
    <constraint field="codeCommune" desc="" exp=""/>
    <constraint field="codeDepartement" desc="" exp=""/>
    <constraint field="codeMaille" desc="" exp=""/>
    <constraint field="denombrementMin" desc="" exp=""/>
    <constraint field="denombrementMax" desc="" exp=""/>
    <constraint field="objetDenombrement" desc="" exp=""/>
    <constraint field="observateur" desc="" exp=""/>
    <constraint field="organismeGestionnaireDonnee" desc="" exp=""/>
    <constraint field="idSINPJdd" desc="" exp=""/>
    <constraint field="dSPublique" desc="" exp=""/>
    <constraint field="sensiNiveau" desc="" exp=""/>
    <constraint field="nivValidation" desc="" exp=""/>
    <constraint field="source" desc="" exp=""/>
    <constraint field="sourceRecordId" desc="" exp=""/>
    <constraint field="provenance" desc="" exp=""/>
    <constraint field="zoneId" desc="" exp=""/>
    <constraint field="protege" desc="" exp=""/>
    <constraint field="listeRouge" desc="" exp=""/>
    <constraint field="directiveHabitats" desc="" exp=""/>
    <constraint field="envahissant" desc="" exp=""/>
    <constraint field="origine" desc="" exp=""/>
    <constraint field="milieu" desc="" exp=""/>
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
  <previewExpression>"nomValide"</previewExpression>
  <mapTip>&lt;div style="font-family: sans-serif; font-size: 9pt">
&lt;b>&lt;i>[% "nomValide" %]&lt;/i>&lt;/b>[% CASE WHEN "nomVernaculaire" IS NOT NULL THEN ' – ' || "nomVernaculaire" END %]&lt;br/>
Date : [% coalesce(format_date("dateDebut", 'dd/MM/yyyy'), 'inconnue') %]&lt;br/>
Observateur : [% coalesce("observateur", 'non renseigné') %]&lt;br/>
Validation : [% coalesce(represent_value("nivValidation"), 'non renseignée') %]&lt;br/>
Source : [% "source" %][% CASE WHEN "estAbsence" THEN '&lt;br/>&lt;b>Absence&lt;/b>' END %][% CASE WHEN "estCoquilleMorte" THEN '&lt;br/>Coquille vide / trouvé mort' END %]
&lt;/div></mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>
