<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ImportOrdersDialog</name>
    <message numerus="yes">
        <source>{file}: %Ln row(s). New orders: {new}. Already imported: {already}. Rejected orders: {rejected}.</source>
        <translation>
            <numerusform>{file}: %Ln row. New orders: {new}. Already imported: {already}. Rejected orders: {rejected}.</numerusform>
            <numerusform>{file}: %Ln rows. New orders: {new}. Already imported: {already}. Rejected orders: {rejected}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) will be on hold: the platform masked the address, so only its own label can ship them.</source>
        <translation>
            <numerusform>%Ln order will be on hold: the platform masked the address, so only its own label can ship them.</numerusform>
            <numerusform>%Ln orders will be on hold: the platform masked the address, so only its own label can ship them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Problems in %Ln row(s), listed below; fix the file and check again, or import only the valid orders.</source>
        <translation>
            <numerusform>Problems in %Ln row, listed below; fix the file and check again, or import only the valid orders.</numerusform>
            <numerusform>Problems in %Ln rows, listed below; fix the file and check again, or import only the valid orders.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderActionBar</name>
    <message numerus="yes">
        <source>Printing %n document(s)…</source>
        <translation>
            <numerusform>Printing %n document…</numerusform>
            <numerusform>Printing %n documents…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) sent to the printer.</source>
        <translation>
            <numerusform>%n document sent to the printer.</numerusform>
            <numerusform>%n documents sent to the printer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not printed: {reason}</source>
        <translation>
            <numerusform>%n not printed: {reason}</numerusform>
            <numerusform>%n not printed: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not printed — waiting in the print queue (Printing screen): {reason}</source>
        <translation>
            <numerusform>%n not printed — waiting in the print queue (Printing screen): {reason}</numerusform>
            <numerusform>%n not printed — waiting in the print queue (Printing screen): {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln selected order(s)? Stock reserved for them is released. This cannot be undone.</source>
        <translation>
            <numerusform>Cancel %Ln selected order? Stock reserved for them is released. This cannot be undone.</numerusform>
            <numerusform>Cancel %Ln selected orders? Stock reserved for them is released. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hold %Ln selected order(s)? They keep their reserved stock and go back to where they were when released.</source>
        <translation>
            <numerusform>Hold %Ln selected order? They keep their reserved stock and go back to where they were when released.</numerusform>
            <numerusform>Hold %Ln selected orders? They keep their reserved stock and go back to where they were when released.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more SKU(s)</source>
        <translation>
            <numerusform>%n more SKU</numerusform>
            <numerusform>%n more SKUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing all %Ln order(s), newest order date first</source>
        <translation>
            <numerusform>Showing all %Ln order, newest order date first</numerusform>
            <numerusform>Showing all %Ln orders, newest order date first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %Ln order(s), newest order date first — scroll for more</source>
        <translation>
            <numerusform>Showing {shown} of %Ln order, newest order date first — scroll for more</numerusform>
            <numerusform>Showing {shown} of %Ln orders, newest order date first — scroll for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln order(s) from {file} ({already} already imported, {rejected} rejected).</source>
        <translation>
            <numerusform>Imported %Ln order from {file} ({already} already imported, {rejected} rejected).</numerusform>
            <numerusform>Imported %Ln orders from {file} ({already} already imported, {rejected} rejected).</numerusform>
        </translation>
    </message>
</context>
</TS>