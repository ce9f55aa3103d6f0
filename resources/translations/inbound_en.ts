<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>InboundImportDialog</name>
    <message numerus="yes">
        <source>%n row(s): </source>
        <translation>
            <numerusform>%n row: </numerusform>
            <numerusform>%n rows: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s) to announce</source>
        <translation>
            <numerusform>%n shipment to announce</numerusform>
            <numerusform>%n shipments to announce</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s)</source>
        <translation>
            <numerusform>%n carton</numerusform>
            <numerusform>%n cartons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) with problems, listed below.</source>
        <translation>
            <numerusform>; %n row with problems, listed below.</numerusform>
            <numerusform>; %n rows with problems, listed below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboundPage</name>
    <message numerus="yes">
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n shipment</numerusform>
            <numerusform>%n shipments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unknown codes (%n)</source>
        <translation>
            <numerusform>Unknown codes (%n)</numerusform>
            <numerusform>Unknown codes (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s)</source>
        <translation>
            <numerusform>%n carton</numerusform>
            <numerusform>%n cartons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printing %n carton label(s) on {printer}…</source>
        <translation>
            <numerusform>Printing %n carton label on {printer}…</numerusform>
            <numerusform>Printing %n carton labels on {printer}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carton label(s) of {reference} sent to {printer}.</source>
        <translation>
            <numerusform>%n carton label of {reference} sent to {printer}.</numerusform>
            <numerusform>%n carton labels of {reference} sent to {printer}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) are SKU {sku}: out of quarantine.</source>
        <translation>
            <numerusform>%n unit are SKU {sku}: out of quarantine.</numerusform>
            <numerusform>%n units are SKU {sku}: out of quarantine.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject code {code} (%n unit(s))? They are not taken into stock.</source>
        <translation>
            <numerusform>Reject code {code} (%n unit)? They are not taken into stock.</numerusform>
            <numerusform>Reject code {code} (%n units)? They are not taken into stock.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceivingPage</name>
    <message numerus="yes">
        <source>%n open shipment(s)</source>
        <translation>
            <numerusform>%n open shipment</numerusform>
            <numerusform>%n open shipments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unknown code {code}: %n unit(s) to quarantine bin {bin}. Put them aside; the office will identify them.</source>
        <translation>
            <numerusform>Unknown code {code}: %n unit to quarantine bin {bin}. Put them aside; the office will identify them.</numerusform>
            <numerusform>Unknown code {code}: %n units to quarantine bin {bin}. Put them aside; the office will identify them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next scan: %n DAMAGED unit(s).</source>
        <translation>
            <numerusform>Next scan: %n DAMAGED unit.</numerusform>
            <numerusform>Next scan: %n DAMAGED units.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next scan: %n unit(s).</source>
        <translation>
            <numerusform>Next scan: %n unit.</numerusform>
            <numerusform>Next scan: %n units.</numerusform>
        </translation>
    </message>
</context>
</TS>