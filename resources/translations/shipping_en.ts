<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>HandoverPage</name>
    <message numerus="yes">
        <source>%n parcel(s) for this carrier are not scanned. Scan them, or press F12 again to close the pickup without them.</source>
        <translation>
            <numerusform>%n parcel for this carrier are not scanned. Scan them, or press F12 again to close the pickup without them.</numerusform>
            <numerusform>%n parcels for this carrier are not scanned. Scan them, or press F12 again to close the pickup without them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{carrier} pickup closed: %n parcel(s) handed over</source>
        <translation>
            <numerusform>{carrier} pickup closed: %n parcel handed over</numerusform>
            <numerusform>{carrier} pickup closed: %n parcels handed over</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) shipped</source>
        <translation>
            <numerusform>%n order shipped</numerusform>
            <numerusform>%n orders shipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pickup {number} closed — %n parcel(s) MISSED THE TRUCK (in red). {orders}; {printed}.</source>
        <translation>
            <numerusform>Pickup {number} closed — %n parcel MISSED THE TRUCK (in red). {orders}; {printed}.</numerusform>
            <numerusform>Pickup {number} closed — %n parcels MISSED THE TRUCK (in red). {orders}; {printed}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staging lane(s)</source>
        <translation>
            <numerusform>%n staging lane</numerusform>
            <numerusform>%n staging lanes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) waiting for a driver</source>
        <translation>
            <numerusform>%n parcel waiting for a driver</numerusform>
            <numerusform>%n parcels waiting for a driver</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message numerus="yes">
        <source>Not scanned yet: %n parcel(s)</source>
        <translation>
            <numerusform>Not scanned yet: %n parcel</numerusform>
            <numerusform>Not scanned yet: %n parcels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShippingLabelsTab</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rates considered: %n</source>
        <translation>
            <numerusform>Rates considered: %n</numerusform>
            <numerusform>Rates considered: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n label(s).</source>
        <translation>
            <numerusform>Done: %n label.</numerusform>
            <numerusform>Done: %n labels.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShippingPage</name>
    <message numerus="yes">
        <source>%n open exception(s)</source>
        <translation>
            <numerusform>%n open exception</numerusform>
            <numerusform>%n open exceptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) to void</source>
        <translation>
            <numerusform>%n label to void</numerusform>
            <numerusform>%n labels to void</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) voided.</source>
        <translation>
            <numerusform>%n label voided.</numerusform>
            <numerusform>%n labels voided.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) wait for the provider's answer.</source>
        <translation>
            <numerusform>%n label wait for the provider's answer.</numerusform>
            <numerusform>%n labels wait for the provider's answer.</numerusform>
        </translation>
    </message>
</context>
</TS>