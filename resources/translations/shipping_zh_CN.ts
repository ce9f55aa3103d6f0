<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit carrier account</source>
        <translation>编辑承运商账户</translation>
    </message>
    <message>
        <source>Add carrier account</source>
        <translation>添加承运商账户</translation>
    </message>
    <message>
        <source>e.g. EasyPost main</source>
        <translation>例如 EasyPost 主账户</translation>
    </message>
    <message>
        <source>leave empty for the provider&apos;s own address</source>
        <translation>留空则使用服务商自己的地址</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>kept in the system keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <source>leave empty to keep the saved one</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>No keys: tracking numbers are typed or scanned at the pack station.</source>
        <translation>无需密钥：运单号在打包台手工输入或扫描。</translation>
    </message>
    <message>
        <source>Enter the {key}.</source>
        <translation>请输入{key}。</translation>
    </message>
</context>
<context>
    <name>CarrierAccountsSection</name>
    <message>
        <source>Accounts are shared by every PC and saved at once. Labels are bought through an enabled account; in test mode no real postage is paid.</source>
        <translation>账户由所有电脑共用，修改后立即保存。面单通过已启用的账户购买；测试模式下不会支付真实邮费。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>添加账户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Carrier accounts</source>
        <translation>承运商账户</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Carrier account {name} saved.</source>
        <translation>承运商账户 {name} 已保存。</translation>
    </message>
    <message>
        <source>Carrier account {name} is in use.</source>
        <translation>承运商账户 {name} 已启用。</translation>
    </message>
    <message>
        <source>Carrier account {name} is no longer used for new labels.</source>
        <translation>承运商账户 {name} 已停用，不再用于购买新面单。</translation>
    </message>
</context>
<context>
    <name>CarrierFields</name>
    <message>
        <source>API key</source>
        <extracomment>How the keys the adapters read are shown (English source, &quot;CarrierFields&quot; context).</extracomment>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API 令牌</translation>
    </message>
    <message>
        <source>Timeout (seconds)</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <source>TikTok store</source>
        <translation>TikTok 店铺</translation>
    </message>
    <message>
        <source>Document size</source>
        <translation>文件尺寸</translation>
    </message>
    <message>
        <source>Test (no real postage)</source>
        <translation>测试（不付真实邮费）</translation>
    </message>
    <message>
        <source>Production (real postage)</source>
        <translation>正式（支付真实邮费）</translation>
    </message>
</context>
<context>
    <name>ExceptionsModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Days since handover</source>
        <translation>交接后天数</translation>
    </message>
    <message>
        <source>First scan</source>
        <translation>首次扫描</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Staging: scan a parcel, then the lane it shows. Pickup: choose the carrier, scan each parcel the driver takes, F12 closes the pickup and prints the manifest. F2 staging · F3 pickup · F4 take a parcel off the truck · F5 reload · F10 sound.</source>
        <extracomment>The parcel scanned last in staging, waiting for its lane&apos;s scan.</extracomment>
        <translation>暂存：先扫包裹，再扫屏幕显示的暂存道。揽收：选择承运商，逐个扫描司机带走的包裹，F12 结束揽收并打印交接单。F2 暂存 · F3 揽收 · F4 从车上取下包裹 · F5 刷新 · F10 声音。</translation>
    </message>
    <message>
        <source>{lane} is a lane: scan the parcel first, then its lane.</source>
        <translation>{lane} 是暂存道：请先扫描包裹，再扫描其暂存道。</translation>
    </message>
    <message>
        <source>{parcel}: not staged (another parcel was scanned)</source>
        <translation>{parcel}：未暂存（扫了另一个包裹）</translation>
    </message>
    <message>
        <source>Parcel {parcel} goes with {carrier}, and warehouse {warehouse} has no staging lane for it.</source>
        <translation>包裹 {parcel} 由 {carrier} 承运，仓库 {warehouse} 没有该承运商的暂存道。</translation>
    </message>
    <message>
        <source>No lane for {carrier}</source>
        <translation>没有 {carrier} 的暂存道</translation>
    </message>
    <message>
        <source>{carrier} · order {order} · parcel {parcel}: put it in this lane and scan the lane</source>
        <translation>{carrier} · 订单 {order} · 包裹 {parcel}：放入此暂存道并扫描暂存道条码</translation>
    </message>
    <message>
        <source>Parcel {parcel} ({carrier}): scan lane {lane}.</source>
        <translation>包裹 {parcel}（{carrier}）：请扫描暂存道 {lane}。</translation>
    </message>
    <message>
        <source>{parcel} · {carrier} · order {order}: staged ✓ — scan the next parcel</source>
        <translation>{parcel} · {carrier} · 订单 {order}：已暂存 ✓ — 请扫描下一个包裹</translation>
    </message>
    <message>
        <source>Parcel {parcel} was already in lane {lane}.</source>
        <translation>包裹 {parcel} 已在暂存道 {lane} 中。</translation>
    </message>
    <message>
        <source>Parcel {parcel} staged in lane {lane} ✓</source>
        <translation>包裹 {parcel} 已放入暂存道 {lane} ✓</translation>
    </message>
    <message>
        <source>WRONG LANE — put parcel {parcel} in this lane</source>
        <translation>暂存道错误 — 请把包裹 {parcel} 放入此暂存道</translation>
    </message>
    <message>
        <source>not staged</source>
        <extracomment>F12 pressed once while parcels are missing: the next F12 closes anyway. F4 pressed: the next scan takes that parcel off the truck again. What the providers said about their manifests for the pickup closed last.</extracomment>
        <translation>未暂存</translation>
    </message>
    <message>
        <source>Scan the parcel to take off the truck.</source>
        <translation>请扫描要从车上取下的包裹。</translation>
    </message>
    <message>
        <source>Parcel {parcel} taken off the {carrier} truck: put it back in its lane.</source>
        <translation>包裹 {parcel} 已从 {carrier} 的车上取下：请放回其暂存道。</translation>
    </message>
    <message>
        <source>Back to this lane</source>
        <translation>放回此暂存道</translation>
    </message>
    <message>
        <source>No carrier has a staging lane yet: set up lanes in Admin → Warehouses and bins.</source>
        <translation>还没有任何承运商的暂存道：请在“管理 → 仓库和库位”中设置。</translation>
    </message>
    <message>
        <source>Parcel {parcel} is on this pickup already.</source>
        <translation>包裹 {parcel} 已在本次揽收中。</translation>
    </message>
    <message>
        <source>Parcel {parcel} handed to {carrier} — it was never staged: check its label.</source>
        <translation>包裹 {parcel} 已交给 {carrier} — 它从未暂存过：请核对面单。</translation>
    </message>
    <message>
        <source>Parcel {parcel} handed to {carrier} ✓ ({count} on the truck)</source>
        <translation>包裹 {parcel} 已交给 {carrier} ✓（车上共 {count} 件）</translation>
    </message>
    <message>
        <source>on the {carrier} truck · order {order}</source>
        <translation>已上 {carrier} 的车 · 订单 {order}</translation>
    </message>
    <message>
        <source>NOT for this driver — keep it</source>
        <translation>不属于此司机 — 请留下</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) for this carrier are not scanned. Scan them, or press F12 again to close the pickup without them.</source>
        <translation>
            <numerusform>该承运商还有 %n 个包裹未扫描。请扫描它们，或再按一次 F12 不带这些包裹结束揽收。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{carrier} pickup closed: %n parcel(s) handed over</source>
        <translation>
            <numerusform>{carrier} 揽收已结束：已交接 %n 个包裹</numerusform>
        </translation>
    </message>
    <message>
        <source>TAKE BACK {parcel}: order {order} is {state}</source>
        <translation>取回 {parcel}：订单 {order} 状态为{state}</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) shipped</source>
        <translation>
            <numerusform>%n 个订单已发货</numerusform>
        </translation>
    </message>
    <message>
        <source>manifest printing on {printer}</source>
        <translation>交接单正在 {printer} 上打印</translation>
    </message>
    <message>
        <source>no document printer on this PC: the manifest is kept with the pickup</source>
        <translation>本机没有文档打印机：交接单已随揽收记录保存</translation>
    </message>
    <message numerus="yes">
        <source>Pickup {number} closed — %n parcel(s) MISSED THE TRUCK (in red). {orders}; {printed}.</source>
        <translation>
            <numerusform>揽收 {number} 已结束 — %n 个包裹没赶上车（红色标出）。{orders}；{printed}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pickup {number} closed ✓ {orders}; {printed}.</source>
        <translation>揽收 {number} 已结束 ✓ {orders}；{printed}。</translation>
    </message>
    <message>
        <source>{account}: {manifest}</source>
        <translation>{account}：{manifest}</translation>
    </message>
    <message>
        <source>Carrier manifest: {list}</source>
        <translation>承运商交接清单：{list}</translation>
    </message>
    <message>
        <source>No carrier manifest from {note}</source>
        <translation>未取得承运商交接清单：{note}</translation>
    </message>
    <message>
        <source>The printer did not take the manifest: {error} It waits in the print queue (Printing screen).</source>
        <translation>打印机未接收交接单：{error} 它在打印队列中等待（“打印”界面）。</translation>
    </message>
    <message>
        <source>Scan each parcel the driver takes · F12 close the pickup</source>
        <translation>逐个扫描司机带走的包裹 · F12 结束揽收</translation>
    </message>
    <message>
        <source>The driver&apos;s carrier: scan each parcel handed over</source>
        <translation>司机所属承运商：逐个扫描交接的包裹</translation>
    </message>
    <message>
        <source>Scan a packed parcel, then its lane</source>
        <translation>扫描已打包的包裹，再扫描其暂存道</translation>
    </message>
    <message>
        <source>Scan a parcel: its lane is shown here</source>
        <translation>扫描包裹：这里显示它的暂存道</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message numerus="yes">
        <source>%n staging lane(s)</source>
        <translation>
            <numerusform>%n 条暂存道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) waiting for a driver</source>
        <translation>
            <numerusform>%n 个包裹等待司机揽收</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Scan here (or type and press Enter)</source>
        <translation>在此扫描（或输入后按回车）</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>暂存</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>揽收</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Take off the truck</source>
        <translation>从车上取下</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>声音关</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>声音开</translation>
    </message>
    <message>
        <source>Close pickup</source>
        <translation>结束揽收</translation>
    </message>
    <message>
        <source>PICKUP — scan parcels out to the driver</source>
        <translation>揽收 — 扫描交给司机的包裹</translation>
    </message>
    <message>
        <source>STAGING — scan parcels into their lanes</source>
        <translation>暂存 — 扫描包裹放入暂存道</translation>
    </message>
    <message>
        <source>Scanned out</source>
        <translation>已交接</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Just staged</source>
        <translation>刚暂存</translation>
    </message>
    <message numerus="yes">
        <source>Not scanned yet: %n parcel(s)</source>
        <translation>
            <numerusform>尚未扫描：%n 个包裹</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Handover</source>
        <extracomment>The function keys, in the order the buttons show them.</extracomment>
        <translation>交接</translation>
    </message>
</context>
<context>
    <name>ManualLabelDialog</name>
    <message>
        <source>Enter a tracking number</source>
        <extracomment>Offered in the manual-label dialog; any other carrier may be typed.</extracomment>
        <translation>输入运单号</translation>
    </message>
    <message>
        <source>scan or type the label&apos;s tracking number</source>
        <translation>扫描或输入面单上的运单号</translation>
    </message>
    <message>
        <source>optional, e.g. Ground Advantage</source>
        <translation>选填，例如 Ground Advantage</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
</context>
<context>
    <name>ShippingLabelsTab</name>
    <message>
        <source>Carrier and service</source>
        <translation>承运商和服务</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Why this carrier</source>
        <translation>为何选此承运商</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>Bought through</source>
        <translation>购买账户</translation>
    </message>
    <message>
        <source>Label in use</source>
        <translation>当前使用的面单</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Arrives</source>
        <translation>预计送达</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Not chosen because</source>
        <translation>未选原因</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>购买时间</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Buy label</source>
        <translation>购买面单</translation>
    </message>
    <message>
        <source>Void label</source>
        <translation>作废面单</translation>
    </message>
    <message>
        <source>Buy the selected rate instead</source>
        <translation>改买所选运费</translation>
    </message>
    <message>
        <source>A new label with the rate chosen in the list; the label in use is then listed in Labels to void</source>
        <translation>按列表中所选运费购买新面单；当前面单随后列入待作废面单</translation>
    </message>
    <message>
        <source>Enter tracking number…</source>
        <translation>输入运单号…</translation>
    </message>
    <message>
        <source>The order ships on a label made elsewhere: record its tracking number and carrier</source>
        <translation>订单使用在别处制作的面单发货：记录其运单号和承运商</translation>
    </message>
    <message>
        <source>Rates considered</source>
        <translation>比较过的运费</translation>
    </message>
    <message>
        <source>Labels of this order</source>
        <translation>本订单的面单</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>No carrier label bought for this order.</source>
        <translation>本订单尚未购买承运商面单。</translation>
    </message>
    <message>
        <source> (insured for {value})</source>
        <translation>（保价 {value}）</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ chosen</source>
        <translation>✓ 已选</translation>
    </message>
    <message numerus="yes">
        <source>Rates considered: %n</source>
        <translation>
            <numerusform>比较过的运费：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>being bought</source>
        <translation>购买中</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>已购买</translation>
    </message>
    <message>
        <source>void requested</source>
        <translation>已申请作废</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>not bought</source>
        <translation>未购买</translation>
    </message>
    <message>
        <source>Buying the label…</source>
        <translation>正在购买面单…</translation>
    </message>
    <message>
        <source>Buying {service}…</source>
        <translation>正在购买 {service}…</translation>
    </message>
    <message>
        <source>Recording tracking number {tracking}…</source>
        <translation>正在记录运单号 {tracking}…</translation>
    </message>
    <message>
        <source>Voiding the label…</source>
        <translation>正在作废面单…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n label(s).</source>
        <translation>
            <numerusform>完成：%n 张面单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShippingPage</name>
    <message>
        <source>Returned to sender</source>
        <translation>退回发件人</translation>
    </message>
    <message>
        <source>Address problem</source>
        <translation>地址问题</translation>
    </message>
    <message>
        <source>No carrier scan</source>
        <translation>承运商未扫描</translation>
    </message>
    <message>
        <source>order cancelled</source>
        <translation>订单已取消</translation>
    </message>
    <message>
        <source>order on hold</source>
        <translation>订单已暂停</translation>
    </message>
    <message>
        <source>replaced by a newer label</source>
        <translation>已被新面单取代</translation>
    </message>
    <message>
        <source>tracking number of another order</source>
        <translation>运单号属于另一个订单</translation>
    </message>
    <message>
        <source>void asked, no answer yet</source>
        <translation>已申请作废，尚无答复</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Labels to void</source>
        <translation>待作废面单</translation>
    </message>
    <message>
        <source>Show resolved</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <source>Resolve (Enter)</source>
        <translation>标为已处理（回车）</translation>
    </message>
    <message>
        <source>Parcels returned, undeliverable, or not scanned by the carrier since handover: the dates are the seller&apos;s evidence.</source>
        <translation>被退回、无法投递或交接后承运商一直未扫描的包裹：这些日期是卖家的证据。</translation>
    </message>
    <message>
        <source>Void selected (Del)</source>
        <translation>作废所选（Del）</translation>
    </message>
    <message>
        <source>Bought today only</source>
        <translation>只看今天购买的</translation>
    </message>
    <message>
        <source>Labels bought and not going to be used: void them so the postage is refunded (USPS within 30 days).</source>
        <translation>已购买但不会使用的面单：作废后邮费会退回（USPS 须在 30 天内）。</translation>
    </message>
    <message>
        <source>Exceptions ({count})</source>
        <translation>异常（{count}）</translation>
    </message>
    <message>
        <source>Labels to void ({count})</source>
        <translation>待作废面单（{count}）</translation>
    </message>
    <message numerus="yes">
        <source>%n open exception(s)</source>
        <translation>
            <numerusform>%n 个未处理异常</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) to void</source>
        <translation>
            <numerusform>%n 张待作废面单</numerusform>
        </translation>
    </message>
    <message>
        <source>{kind} of order {order} resolved.</source>
        <translation>订单 {order} 的“{kind}”已处理。</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) voided.</source>
        <translation>
            <numerusform>%n 张面单已作废。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) wait for the provider&apos;s answer.</source>
        <translation>
            <numerusform>%n 张面单等待服务商答复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShippingRulesSection</name>
    <message>
        <source>Cheapest rate that arrives by the deliver-by date</source>
        <translation>按时送达的最便宜运费</translation>
    </message>
    <message>
        <source>Fastest rate under the price limit</source>
        <translation>不超过限价的最快运费</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>never</source>
        <translation>不保价</translation>
    </message>
    <message>
        <source>all carriers — or e.g. USPS, UPS/Ground</source>
        <translation>所有承运商 — 或例如 USPS, UPS/Ground</translation>
    </message>
    <message>
        <source>one per line, e.g. Expedited = UPS/2nd Day Air</source>
        <translation>每行一条，例如 Expedited = UPS/2nd Day Air</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>A client with rules has its labels bought when an order is packed. Saved at once, for every PC.</source>
        <translation>设置了规则的客户，订单打包时会自动购买面单。立即保存，对所有电脑生效。</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>选择方式</translation>
    </message>
    <message>
        <source>Price limit</source>
        <translation>限价</translation>
    </message>
    <message>
        <source>Insure above</source>
        <translation>保价起点</translation>
    </message>
    <message>
        <source>Allowed carriers</source>
        <translation>允许的承运商</translation>
    </message>
    <message>
        <source>Service per platform level</source>
        <translation>平台服务等级对应的服务</translation>
    </message>
    <message>
        <source>Shipping rules</source>
        <translation>发运规则</translation>
    </message>
    <message>
        <source>Set by {user}, {when}.</source>
        <translation>由 {user} 于 {when} 设置。</translation>
    </message>
    <message>
        <source>No rules yet: this client&apos;s labels are not bought here.</source>
        <translation>尚无规则：本仓不为此客户购买面单。</translation>
    </message>
    <message>
        <source>Shipping rules of {client} saved.</source>
        <translation>{client} 的发运规则已保存。</translation>
    </message>
</context>
<context>
    <name>VoidModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>购买时间</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
</context>
<context>
    <name>rate_shopping</name>
    <message>
        <source>cheapest of {count} rates that arrive by {deliver_by}</source>
        <extracomment>&quot;CARRIER&quot; or &quot;CARRIER/SERVICE&quot;, compared without regard to case; empty = all. platform service level -&gt; &quot;CARRIER/SERVICE&quot;. Why it was not taken; None for the chosen rate. The value to insure, when the rules ask for insurance.</extracomment>
        <translation>{count} 个能在 {deliver_by} 前送达的运费中最便宜</translation>
    </message>
    <message>
        <source>cheapest of {count} rates</source>
        <translation>{count} 个运费中最便宜</translation>
    </message>
    <message>
        <source>none of {count} rates arrives by {deliver_by}; this one arrives first ({arrives})</source>
        <translation>{count} 个运费都无法在 {deliver_by} 前送达；此运费最早送达（{arrives}）</translation>
    </message>
    <message>
        <source>fastest of {count} rates costing {max_cost} or less</source>
        <translation>{count} 个不超过 {max_cost} 的运费中最快</translation>
    </message>
    <message>
        <source>no rate costs {max_cost} or less</source>
        <translation>没有不超过 {max_cost} 的运费</translation>
    </message>
    <message>
        <source>{service_level} orders ship {wanted}</source>
        <translation>{service_level} 订单使用 {wanted}</translation>
    </message>
    <message>
        <source>{service_level} orders ship {wanted}, and no rate offers it</source>
        <translation>{service_level} 订单使用 {wanted}，但没有运费提供该服务</translation>
    </message>
    <message>
        <source>no rates were quoted</source>
        <translation>没有报价</translation>
    </message>
    <message>
        <source>none of {count} rates is allowed for this client</source>
        <translation>{count} 个运费都不在此客户允许的范围内</translation>
    </message>
    <message>
        <source>not {wanted}, the service for {service_level}</source>
        <translation>不是 {service_level} 对应的服务 {wanted}</translation>
    </message>
    <message>
        <source>not allowed for this client</source>
        <translation>此客户不允许</translation>
    </message>
    <message>
        <source>arrives {arrives}, after {deliver_by}</source>
        <translation>{arrives} 送达，晚于 {deliver_by}</translation>
    </message>
    <message>
        <source>no delivery estimate</source>
        <translation>没有预计送达时间</translation>
    </message>
    <message>
        <source>costs {cost}, above {max_cost}</source>
        <translation>费用 {cost}，超过 {max_cost}</translation>
    </message>
    <message>
        <source>costs {cost}, more than {chosen_cost}</source>
        <translation>费用 {cost}，高于 {chosen_cost}</translation>
    </message>
    <message>
        <source>arrives {arrives}, later than {chosen_arrives}</source>
        <translation>{arrives} 送达，比 {chosen_arrives} 晚</translation>
    </message>
    <message>
        <source>same price and date; the other was listed first</source>
        <translation>价格和日期相同；另一个排在前面</translation>
    </message>
    <message>
        <source>{service} chosen by {actor}</source>
        <extracomment>An intent this old with no answer recorded belongs to a process that died mid-buy. Orders that may still get a label.</extracomment>
        <translation>{service} 由 {actor} 选定</translation>
    </message>
    <message>
        <source>tracking number typed in by {actor}</source>
        <translation>运单号由 {actor} 输入</translation>
    </message>
</context>
</TS>
