<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>PresetTools</name>
    <message numerus="yes">
        <source>%n preset(s) imported for {client}.</source>
        <translation>
            <numerusform>%n preset imported for {client}.</numerusform>
            <numerusform>%n presets imported for {client}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n preset(s) exported to {path}.</source>
        <translation>
            <numerusform>%n preset exported to {path}.</numerusform>
            <numerusform>%n presets exported to {path}.</numerusform>
        </translation>
    </message>
</context>
</TS>