<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>PutawayPage</name>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n open task</numerusform>
            <numerusform>%n open tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backordered order(s) allocated.</source>
        <translation>
            <numerusform>%n backordered order allocated.</numerusform>
            <numerusform>%n backordered orders allocated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplenishmentPage</name>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n open task</numerusform>
            <numerusform>%n open tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new task(s).</source>
        <translation>
            <numerusform>%n new task.</numerusform>
            <numerusform>%n new tasks.</numerusform>
        </translation>
    </message>
</context>
</TS>