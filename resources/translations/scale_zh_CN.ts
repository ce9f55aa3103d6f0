<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScaleSection</name>
    <message>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <source>Choose the scale&apos;s port, or &apos;simulated&apos; for the practice scale.</source>
        <translation>请选择电子秤的端口，或选择 &apos;simulated&apos;（练习用模拟秤）。</translation>
    </message>
    <message>
        <source>This station has a scale</source>
        <translation>本工位连接了电子秤</translation>
    </message>
    <message>
        <source>A serial port such as /dev/ttyUSB0 or COM3, &apos;hid&apos; for a USB scale, or &apos;simulated&apos; for the practice scale</source>
        <translation>串口，例如 /dev/ttyUSB0 或 COM3；USB 秤填 &apos;hid&apos;；练习用模拟秤填 &apos;simulated&apos;</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Look for scales on every serial port. Only asks for the weight: nothing is zeroed or changed.</source>
        <translation>在所有串口上查找电子秤。只读取重量，不会清零或更改秤的任何设置。</translation>
    </message>
    <message>
        <source>Protocol default</source>
        <translation>按协议默认</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Even</source>
        <translation>偶校验</translation>
    </message>
    <message>
        <source>Odd</source>
        <translation>奇校验</translation>
    </message>
    <message>
        <source>Data bits</source>
        <translation>数据位</translation>
    </message>
    <message>
        <source>Stop bits</source>
        <translation>停止位</translation>
    </message>
    <message>
        <source>Pounds (lb)</source>
        <translation>磅 (lb)</translation>
    </message>
    <message>
        <source>Kilograms (kg)</source>
        <translation>千克 (kg)</translation>
    </message>
    <message>
        <source>Ounces (oz)</source>
        <translation>盎司 (oz)</translation>
    </message>
    <message>
        <source>Grams (g)</source>
        <translation>克 (g)</translation>
    </message>
    <message>
        <source>Toledo 8213/8217 scales send numbers without a unit: pick the unit the scale is set to.</source>
        <translation>Toledo 8213/8217 秤发送的数值不带单位：请选择秤上设置的单位。</translation>
    </message>
    <message>
        <source>Pounds and ounces (2 lb 3.4 oz)</source>
        <translation>磅和盎司 (2 lb 3.4 oz)</translation>
    </message>
    <message>
        <source>Pounds (2.21 lb)</source>
        <translation>磅 (2.21 lb)</translation>
    </message>
    <message>
        <source>Ounces (35.4 oz)</source>
        <translation>盎司 (35.4 oz)</translation>
    </message>
    <message>
        <source>Kilograms (1.005 kg)</source>
        <translation>千克 (1.005 kg)</translation>
    </message>
    <message>
        <source>Grams (1005 g)</source>
        <translation>克 (1005 g)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>通信协议</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Parity</source>
        <translation>校验位</translation>
    </message>
    <message>
        <source>Unit on the scale</source>
        <translation>秤上的单位</translation>
    </message>
    <message>
        <source>Show weights in</source>
        <translation>重量显示单位</translation>
    </message>
    <message>
        <source>Test the scale</source>
        <translation>测试电子秤</translation>
    </message>
    <message>
        <source>Test scale</source>
        <translation>测试称重</translation>
    </message>
    <message>
        <source>Read the scale with the settings above (not saved yet)</source>
        <translation>用上面的设置读取电子秤（尚未保存）</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>Set the empty scale to zero</source>
        <translation>将空秤归零</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>去皮</translation>
    </message>
    <message>
        <source>Subtract the box or tray on the scale from the weight</source>
        <translation>扣除秤上纸箱或托盘的重量</translation>
    </message>
    <message>
        <source>Press Test scale to see the live weight.</source>
        <translation>点击“测试称重”查看实时重量。</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Toledo 8213/8217 demand (Transcell, Brecknell)</source>
        <translation>Toledo 8213/8217 应答式 (Transcell, Brecknell)</translation>
    </message>
    <message>
        <source>Mettler Toledo MT-SICS</source>
        <translation>梅特勒-托利多 MT-SICS</translation>
    </message>
    <message>
        <source>SMA (Fairbanks, Rice Lake, B-TEK)</source>
        <translation>SMA (Fairbanks, Rice Lake, B-TEK)</translation>
    </message>
    <message>
        <source>NCI / Avery Weigh-Tronix</source>
        <translation>NCI / Avery Weigh-Tronix</translation>
    </message>
    <message>
        <source>Toledo continuous output</source>
        <translation>Toledo 连续输出</translation>
    </message>
    <message>
        <source>A&amp;D / CAS continuous output</source>
        <translation>A&amp;D / CAS 连续输出</translation>
    </message>
    <message>
        <source>USB scale (Dymo, Stamps.com)</source>
        <translation>USB 秤 (Dymo, Stamps.com)</translation>
    </message>
    <message>
        <source>Simulated scale (demo and training)</source>
        <translation>模拟秤（演示和培训用）</translation>
    </message>
    <message>
        <source>Practice scale for demo and training</source>
        <translation>演示和培训用的练习秤</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>Practice scale for demo and training: it settles after a moment, like a real one.</source>
        <translation>演示和培训用的练习秤：和真秤一样，放上包裹后稍等片刻读数才稳定。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stop test</source>
        <translation>停止测试</translation>
    </message>
    <message>
        <source>Looking for scales… A port without a scale takes a few seconds.</source>
        <translation>正在查找电子秤…… 没有连接秤的端口需要等几秒钟。</translation>
    </message>
    <message>
        <source>Detection failed.</source>
        <translation>检测失败。</translation>
    </message>
    <message>
        <source>✓ {port}: {protocol}, {line}</source>
        <translation>✓ {port}：{protocol}，{line}</translation>
    </message>
    <message>
        <source>✗ {port}: {reason}</source>
        <translation>✗ {port}：{reason}</translation>
    </message>
    <message>
        <source>✗ {port}: no scale answered</source>
        <translation>✗ {port}：没有秤应答</translation>
    </message>
    <message>
        <source>No serial ports found on this computer.</source>
        <translation>这台电脑上没有找到串口。</translation>
    </message>
    <message>
        <source>The settings of the scale on {port} are filled in. Press Save to keep them.</source>
        <translation>已填入 {port} 上电子秤的设置。点击“保存”后生效。</translation>
    </message>
    <message>
        <source>No scale answered. Check that the scale is switched on and connected, or type its port and protocol yourself.</source>
        <translation>没有秤应答。请检查电子秤是否已开机并连好数据线，或手动填写端口和协议。</translation>
    </message>
    <message>
        <source>No answer from the scale on {port} within {seconds} s: check the cable, port and baud rate.</source>
        <translation>{port} 上的电子秤在 {seconds} 秒内没有应答：请检查连接线、端口和波特率。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送……</translation>
    </message>
    <message>
        <source>The scale was zeroed.</source>
        <translation>电子秤已清零。</translation>
    </message>
    <message>
        <source>The scale was tared.</source>
        <translation>电子秤已去皮。</translation>
    </message>
</context>
<context>
    <name>ScaleStatusWidget</name>
    <message>
        <source>No scale</source>
        <translation>无电子秤</translation>
    </message>
    <message>
        <source>No scale is set up for this station (Settings → Scale).</source>
        <translation>本工位未设置电子秤（设置 → 电子秤）。</translation>
    </message>
    <message>
        <source>Scale: error {detail}</source>
        <translation>电子秤：故障 {detail}</translation>
    </message>
    <message>
        <source>Scale: overload</source>
        <translation>电子秤：超载</translation>
    </message>
    <message>
        <source>Too heavy for this scale. Take the parcel off.</source>
        <translation>超出本秤量程，请把包裹拿下来。</translation>
    </message>
    <message>
        <source>Scale: below zero</source>
        <translation>电子秤：读数为负</translation>
    </message>
    <message>
        <source>The scale shows less than zero. Empty the scale and press Zero.</source>
        <translation>秤的读数小于零。请清空秤面后按“清零”。</translation>
    </message>
    <message>
        <source>Scale: {weight} ✓</source>
        <translation>电子秤：{weight} ✓</translation>
    </message>
    <message>
        <source>Stable weight from the scale on {port}</source>
        <translation>来自 {port} 上电子秤的稳定重量</translation>
    </message>
    <message>
        <source>Scale: {weight} (settling)</source>
        <translation>电子秤：{weight}（未稳定）</translation>
    </message>
    <message>
        <source>The weight is still moving.</source>
        <translation>重量还在变化。</translation>
    </message>
    <message>
        <source>Scale: not responding on {port}</source>
        <translation>电子秤：{port} 无响应</translation>
    </message>
    <message>
        <source>Scale: disconnected from {port}</source>
        <translation>电子秤：{port} 已断开</translation>
    </message>
    <message>
        <source>Scale: port {port} not found</source>
        <translation>电子秤：找不到端口 {port}</translation>
    </message>
    <message>
        <source>Scale: no scale answered on {port}</source>
        <translation>电子秤：{port} 上没有秤应答</translation>
    </message>
    <message>
        <source>Scale: noisy line on {port}</source>
        <translation>电子秤：{port} 线路有干扰</translation>
    </message>
    <message>
        <source>Scale: unreadable data on {port}</source>
        <translation>电子秤：{port} 上的数据无法识别</translation>
    </message>
    <message>
        <source>Scale: error on {port}</source>
        <translation>电子秤：{port} 出错</translation>
    </message>
    <message>
        <source>Scale: error</source>
        <translation>电子秤：出错</translation>
    </message>
    <message>
        <source>Scale: connecting…</source>
        <translation>电子秤：正在连接……</translation>
    </message>
    <message>
        <source>Scale: off</source>
        <translation>电子秤：已停止</translation>
    </message>
</context>
<context>
    <name>WeightDisplay</name>
    <message>
        <source>OVERLOAD</source>
        <translation>超载</translation>
    </message>
    <message>
        <source>Too heavy for this scale. Take the parcel off.</source>
        <translation>超出本秤量程，请把包裹拿下来。</translation>
    </message>
    <message>
        <source>Below zero</source>
        <translation>读数为负</translation>
    </message>
    <message>
        <source>The scale shows less than zero. Empty the scale and press Zero.</source>
        <translation>秤的读数小于零。请清空秤面后按“清零”。</translation>
    </message>
    <message>
        <source>✓ Stable</source>
        <translation>✓ 已稳定</translation>
    </message>
    <message>
        <source>~ Settling…</source>
        <translation>~ 未稳定，请稍候…</translation>
    </message>
    <message>
        <source>Keep the parcel still until the weight is stable.</source>
        <translation>请保持包裹不动，等重量稳定。</translation>
    </message>
    <message>
        <source>No weight</source>
        <translation>无重量</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Waiting for the scale to answer.</source>
        <translation>正在等待电子秤应答。</translation>
    </message>
    <message>
        <source>Not reading</source>
        <translation>未读取</translation>
    </message>
    <message>
        <source>No scale</source>
        <translation>无电子秤</translation>
    </message>
    <message>
        <source>No scale is set up for this station. Choose one in Settings → Scale.</source>
        <translation>本工位未设置电子秤。请在“设置 → 电子秤”中选择。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>The scale is not being read.</source>
        <translation>当前没有读取电子秤。</translation>
    </message>
</context>
</TS>
