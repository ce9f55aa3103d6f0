<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CountsPage</name>
    <message numerus="yes">
        <source>%n open count(s)</source>
        <translation>
            <numerusform>%n open count</numerusform>
            <numerusform>%n open counts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Count {number} started: %n line(s). Scan a bin.</source>
        <translation>
            <numerusform>Count {number} started: %n line. Scan a bin.</numerusform>
            <numerusform>Count {number} started: %n lines. Scan a bin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Count {number} approved: %n difference(s) posted.</source>
        <translation>
            <numerusform>Count {number} approved: %n difference posted.</numerusform>
            <numerusform>Count {number} approved: %n differences posted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message numerus="yes">
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n return</numerusform>
            <numerusform>%n returns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{rma} closed: %n unit(s) received.</source>
        <translation>
            <numerusform>{rma} closed: %n unit received.</numerusform>
            <numerusform>{rma} closed: %n units received.</numerusform>
        </translation>
    </message>
</context>
</TS>