<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyAlgorithm="0" simplifyLocal="1" simplifyDrawingTol="1" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" readOnly="0" simplifyMaxScale="1" version="3.22.16-Białowieża" simplifyDrawingHints="1" maxScale="0" labelsEnabled="0" symbologyReferenceScale="-1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal durationField="" fixedDuration="0" durationUnit="min" endField="" endExpression="" enabled="0" startField="" startExpression="" mode="0" accumulate="0" limitMode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 enableorderby="0" symbollevels="0" forceraster="0" type="RuleRenderer" referencescale="-1">
    <rules key="{3d30d7d0-ada2-4eb1-b9d1-790786e5be4b}">
      <rule symbol="0" filter="&quot;classePrecision&quot; = 'precise'" key="{1b7afed3-111f-4a64-948a-c99103450ec3}" label="Précise (point, moins de 100 m)"/>
      <rule symbol="1" filter="&quot;classePrecision&quot; = 'approchee'" key="{fc8163e3-5141-4e15-aba5-1d060f10f00a}" label="Approchée (100 m à 1 km)"/>
      <rule symbol="2" filter="&quot;classePrecision&quot; = 'commune'" key="{3811c024-4af7-44de-a2ad-3e07270a45be}" label="Commune"/>
      <rule symbol="3" filter="&quot;classePrecision&quot; = 'maille'" key="{344b684f-098f-4271-9901-7ba191242b89}" label="Maille 10 km"/>
      <rule symbol="4" filter="&quot;classePrecision&quot; = 'floutee'" key="{67e4151b-62a3-4952-964c-ded1d04c7ae4}" label="Polygone flouté"/>
      <rule symbol="5" filter="&quot;classePrecision&quot; = 'departement'" key="{1820d8e5-6600-4827-be72-ca546ef981a7}" label="Département"/>
      <rule symbol="6" filter="ELSE" key="{21cb555a-d844-4efb-8e0b-5fed8ca42036}" label="Non renseignée"/>
    </rules>
    <symbols>
      <symbol alpha="1" force_rhr="0" name="0" clip_to_extent="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" enabled="1" locked="0">
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
            <Option value="26,150,65,255" name="outline_color" type="QString"/>
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
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="26,150,65,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="26,150,65,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.8" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" force_rhr="0" name="1" clip_to_extent="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" enabled="1" locked="0">
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
            <Option value="166,217,106,255" name="outline_color" type="QString"/>
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
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="166,217,106,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="166,217,106,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.8" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" force_rhr="0" name="2" clip_to_extent="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="255,255,255,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="253,174,97,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.6" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.8" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="255,255,255,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="253,174,97,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.6" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.8" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" force_rhr="0" name="3" clip_to_extent="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="255,255,255,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="244,109,67,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.6" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.8" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="255,255,255,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="244,109,67,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.6" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.8" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" force_rhr="0" name="4" clip_to_extent="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="255,255,255,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="215,25,28,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.6" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.8" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="255,255,255,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="215,25,28,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.6" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.8" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" force_rhr="0" name="5" clip_to_extent="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0" name="angle" type="QString"/>
            <Option value="square" name="cap_style" type="QString"/>
            <Option value="255,255,255,255" name="color" type="QString"/>
            <Option value="1" name="horizontal_anchor_point" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="circle" name="name" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="123,50,148,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.6" name="outline_width" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="diameter" name="scale_method" type="QString"/>
            <Option value="2.8" name="size" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="size_map_unit_scale" type="QString"/>
            <Option value="MM" name="size_unit" type="QString"/>
            <Option value="1" name="vertical_anchor_point" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="255,255,255,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="123,50,148,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.6" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.8" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" force_rhr="0" name="6" clip_to_extent="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" enabled="1" locked="0">
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
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="189,189,189,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="127,127,127,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.2" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
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
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="idSINPOccTax" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="cdNom" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="cdRef" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="nomCite" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="nomValide" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="nomVernaculaire" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="dateDebut" configurationFlags="None">
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
    <field name="dateFin" configurationFlags="None">
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
    <field name="annee" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="statutObservation" configurationFlags="None">
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
    <field name="occEtatBiologique" configurationFlags="None">
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
    <field name="estAbsence" configurationFlags="None">
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
    <field name="estCoquilleMorte" configurationFlags="None">
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
    <field name="precisionGeometrie" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="classePrecision" configurationFlags="None">
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
    <field name="natureObjetGeo" configurationFlags="None">
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
    <field name="codeCommune" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="codeDepartement" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="codeMaille" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="denombrementMin" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="denombrementMax" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="objetDenombrement" configurationFlags="None">
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
    <field name="observateur" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="organismeGestionnaireDonnee" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="idSINPJdd" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="dSPublique" configurationFlags="None">
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
    <field name="sensiNiveau" configurationFlags="None">
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
    <field name="nivValidation" configurationFlags="None">
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
    <field name="source" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="sourceRecordId" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="provenance" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="zoneId" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="protege" configurationFlags="None">
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
    <field name="listeRouge" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="directiveHabitats" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="envahissant" configurationFlags="None">
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
    <field name="origine" configurationFlags="None">
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
    <field name="milieu" configurationFlags="None">
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
    <field name="importId" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="classeStatut" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="0" name="Absence (recherché, non trouvé)" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="2" name="Protégé (arrêté du 23 avril 2007, art. 2)" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="3" name="Protégé – coquille vide / trouvé mort" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="4" name="Liste rouge nationale (CR, EN, VU, NT)" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="5" name="Liste rouge – coquille vide / trouvé mort" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="6" name="Exotique envahissant" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="7" name="Envahissant – coquille vide / trouvé mort" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="8" name="Introduit" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="9" name="Introduit – coquille vide / trouvé mort" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="10" name="Indigène ou origine non renseignée" type="int"/>
              </Option>
              <Option type="Map">
                <Option value="11" name="Indigène – coquille vide / trouvé mort" type="int"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="Identifiant SINP de l'occurrence" field="idSINPOccTax" index="0"/>
    <alias name="Code TAXREF du nom cité (cd_nom)" field="cdNom" index="1"/>
    <alias name="Code TAXREF du taxon de référence (cd_ref)" field="cdRef" index="2"/>
    <alias name="Nom cité" field="nomCite" index="3"/>
    <alias name="Nom valide" field="nomValide" index="4"/>
    <alias name="Nom vernaculaire" field="nomVernaculaire" index="5"/>
    <alias name="Date de début" field="dateDebut" index="6"/>
    <alias name="Date de fin" field="dateFin" index="7"/>
    <alias name="Année d'observation" field="annee" index="8"/>
    <alias name="Statut d'observation" field="statutObservation" index="9"/>
    <alias name="État biologique" field="occEtatBiologique" index="10"/>
    <alias name="Absence (non observé)" field="estAbsence" index="11"/>
    <alias name="Coquille vide / trouvé mort" field="estCoquilleMorte" index="12"/>
    <alias name="Précision de la géométrie (m)" field="precisionGeometrie" index="13"/>
    <alias name="Classe de précision" field="classePrecision" index="14"/>
    <alias name="Nature de l'objet géographique" field="natureObjetGeo" index="15"/>
    <alias name="Code INSEE de la commune" field="codeCommune" index="16"/>
    <alias name="Code du département" field="codeDepartement" index="17"/>
    <alias name="Maille 10 km (INPN)" field="codeMaille" index="18"/>
    <alias name="Dénombrement minimal" field="denombrementMin" index="19"/>
    <alias name="Dénombrement maximal" field="denombrementMax" index="20"/>
    <alias name="Objet du dénombrement" field="objetDenombrement" index="21"/>
    <alias name="Observateur(s)" field="observateur" index="22"/>
    <alias name="Organisme gestionnaire de la donnée" field="organismeGestionnaireDonnee" index="23"/>
    <alias name="Identifiant du jeu de données" field="idSINPJdd" index="24"/>
    <alias name="Donnée source publique ou privée" field="dSPublique" index="25"/>
    <alias name="Niveau de sensibilité" field="sensiNiveau" index="26"/>
    <alias name="Niveau de validation" field="nivValidation" index="27"/>
    <alias name="Source" field="source" index="28"/>
    <alias name="Identifiant dans la source" field="sourceRecordId" index="29"/>
    <alias name="Provenances fusionnées (JSON)" field="provenance" index="30"/>
    <alias name="Identifiant de la zone de localisation" field="zoneId" index="31"/>
    <alias name="Protégé (arrêté du 23 avril 2007, art. 2)" field="protege" index="32"/>
    <alias name="Liste rouge nationale (catégorie)" field="listeRouge" index="33"/>
    <alias name="Annexes de la directive Habitats" field="directiveHabitats" index="34"/>
    <alias name="Espèce exotique envahissante" field="envahissant" index="35"/>
    <alias name="Origine (indigène, introduit, envahissant)" field="origine" index="36"/>
    <alias name="Milieu (eau douce, saumâtre, marin)" field="milieu" index="37"/>
    <alias name="Identifiant de l'import (refresh_log)" field="importId" index="38"/>
    <alias name="Classe de statut (symbologie)" field="classeStatut" index="39"/>
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
    <default applyOnUpdate="1" field="classeStatut" expression="CASE WHEN &quot;estAbsence&quot; THEN 0 ELSE CASE WHEN &quot;protege&quot; THEN 2 WHEN &quot;listeRouge&quot; IN ('CR', 'EN', 'VU', 'NT') THEN 4 WHEN &quot;envahissant&quot; THEN 6 WHEN &quot;origine&quot; = 'introduced' THEN 8 ELSE 10 END + CASE WHEN &quot;estCoquilleMorte&quot; THEN 1 ELSE 0 END END"/>
  </defaults>
  <constraints>
    <constraint constraints="0" notnull_strength="0" field="idSINPOccTax" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="cdNom" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="cdRef" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="nomCite" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="nomValide" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="nomVernaculaire" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="dateDebut" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="dateFin" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="annee" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="statutObservation" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="occEtatBiologique" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="estAbsence" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="estCoquilleMorte" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="precisionGeometrie" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="classePrecision" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="natureObjetGeo" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="codeCommune" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="codeDepartement" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="codeMaille" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="denombrementMin" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="denombrementMax" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="objetDenombrement" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="observateur" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="organismeGestionnaireDonnee" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="idSINPJdd" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="dSPublique" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="sensiNiveau" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="nivValidation" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="source" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="sourceRecordId" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="provenance" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="zoneId" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="protege" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="listeRouge" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="directiveHabitats" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="envahissant" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="origine" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="milieu" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="importId" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" notnull_strength="0" field="classeStatut" exp_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="idSINPOccTax"/>
    <constraint exp="" desc="" field="cdNom"/>
    <constraint exp="" desc="" field="cdRef"/>
    <constraint exp="" desc="" field="nomCite"/>
    <constraint exp="" desc="" field="nomValide"/>
    <constraint exp="" desc="" field="nomVernaculaire"/>
    <constraint exp="" desc="" field="dateDebut"/>
    <constraint exp="" desc="" field="dateFin"/>
    <constraint exp="" desc="" field="annee"/>
    <constraint exp="" desc="" field="statutObservation"/>
    <constraint exp="" desc="" field="occEtatBiologique"/>
    <constraint exp="" desc="" field="estAbsence"/>
    <constraint exp="" desc="" field="estCoquilleMorte"/>
    <constraint exp="" desc="" field="precisionGeometrie"/>
    <constraint exp="" desc="" field="classePrecision"/>
    <constraint exp="" desc="" field="natureObjetGeo"/>
    <constraint exp="" desc="" field="codeCommune"/>
    <constraint exp="" desc="" field="codeDepartement"/>
    <constraint exp="" desc="" field="codeMaille"/>
    <constraint exp="" desc="" field="denombrementMin"/>
    <constraint exp="" desc="" field="denombrementMax"/>
    <constraint exp="" desc="" field="objetDenombrement"/>
    <constraint exp="" desc="" field="observateur"/>
    <constraint exp="" desc="" field="organismeGestionnaireDonnee"/>
    <constraint exp="" desc="" field="idSINPJdd"/>
    <constraint exp="" desc="" field="dSPublique"/>
    <constraint exp="" desc="" field="sensiNiveau"/>
    <constraint exp="" desc="" field="nivValidation"/>
    <constraint exp="" desc="" field="source"/>
    <constraint exp="" desc="" field="sourceRecordId"/>
    <constraint exp="" desc="" field="provenance"/>
    <constraint exp="" desc="" field="zoneId"/>
    <constraint exp="" desc="" field="protege"/>
    <constraint exp="" desc="" field="listeRouge"/>
    <constraint exp="" desc="" field="directiveHabitats"/>
    <constraint exp="" desc="" field="envahissant"/>
    <constraint exp="" desc="" field="origine"/>
    <constraint exp="" desc="" field="milieu"/>
    <constraint exp="" desc="" field="importId"/>
    <constraint exp="" desc="" field="classeStatut"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig actionWidgetStyle="dropDown" sortOrder="0" sortExpression="">
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
