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
  <renderer-v2 symbollevels="0" forceraster="0" referencescale="-1" enableorderby="0" type="singleSymbol">
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
            <Option value="17,122,139,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="square" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="255,255,255,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.4" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="3" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="17,122,139,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="square"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="3"/>
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
    <rotation/>
    <sizescale/>
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
    <field configurationFlags="None" name="codeStation">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="libelleStation">
      <editWidget type="">
        <config>
          <Option/>
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
    <field configurationFlags="None" name="libelleCommune">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="coursEau">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="nbPrelevements">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="derniereAnnee">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="taxons">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" name="Code de la station hydrobiologique" field="codeStation"/>
    <alias index="1" name="Libellé de la station" field="libelleStation"/>
    <alias index="2" name="Code INSEE de la commune" field="codeCommune"/>
    <alias index="3" name="Commune" field="libelleCommune"/>
    <alias index="4" name="Cours d'eau" field="coursEau"/>
    <alias index="5" name="Nombre de prélèvements avec bivalves" field="nbPrelevements"/>
    <alias index="6" name="Dernière année avec bivalves" field="derniereAnnee"/>
    <alias index="7" name="Taxons de bivalves listés" field="taxons"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="codeStation" expression=""/>
    <default applyOnUpdate="0" field="libelleStation" expression=""/>
    <default applyOnUpdate="0" field="codeCommune" expression=""/>
    <default applyOnUpdate="0" field="libelleCommune" expression=""/>
    <default applyOnUpdate="0" field="coursEau" expression=""/>
    <default applyOnUpdate="0" field="nbPrelevements" expression=""/>
    <default applyOnUpdate="0" field="derniereAnnee" expression=""/>
    <default applyOnUpdate="0" field="taxons" expression=""/>
  </defaults>
  <constraints>
    <constraint exp_strength="0" field="codeStation" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="libelleStation" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="codeCommune" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="libelleCommune" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="coursEau" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="nbPrelevements" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="derniereAnnee" constraints="0" notnull_strength="0" unique_strength="0"/>
    <constraint exp_strength="0" field="taxons" constraints="0" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="codeStation" desc="" exp=""/>
    <constraint field="libelleStation" desc="" exp=""/>
    <constraint field="codeCommune" desc="" exp=""/>
    <constraint field="libelleCommune" desc="" exp=""/>
    <constraint field="coursEau" desc="" exp=""/>
    <constraint field="nbPrelevements" desc="" exp=""/>
    <constraint field="derniereAnnee" desc="" exp=""/>
    <constraint field="taxons" desc="" exp=""/>
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
  <previewExpression>"libelleStation"</previewExpression>
  <mapTip>&lt;div style="font-family: sans-serif; font-size: 9pt">
&lt;b>[% "libelleStation" %]&lt;/b> ([% "codeStation" %])&lt;br/>[% "coursEau" %] – [% "libelleCommune" %]&lt;br/>
Bivalves : [% "taxons" %]&lt;br/>Dernière année : [% "derniereAnnee" %]&lt;/div></mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>
