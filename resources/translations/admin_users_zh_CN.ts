<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
    <message>
        <source>Your password is changed. Use the new one the next time you sign in.</source>
        <translation>密码已修改，下次登录请使用新密码。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password of {user}</source>
        <translation>重置 {user} 的密码</translation>
    </message>
    <message>
        <source>Tell {name} the new password; it also lifts a lock after too many failed sign-ins.</source>
        <translation>请把新密码告诉 {name}。重置密码也会解除因多次登录失败造成的锁定。</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Supervisor PIN of {user}</source>
        <translation>{user} 的主管 PIN 码</translation>
    </message>
    <message>
        <source>The PIN approves a parcel whose weight is off at the pack station. 4–6 digits; not 0000 or 1234.</source>
        <translation>打包台称重不符时，用此 PIN 码放行包裹。4–6 位数字，不能是 0000、1234 这类数字。</translation>
    </message>
    <message>
        <source>4–6 digits</source>
        <translation>4–6 位数字</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <source>Repeat PIN</source>
        <translation>确认 PIN 码</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>删除 PIN 码</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>e.g. lwang — used to sign in</source>
        <translation>例如 lwang，登录时使用</translation>
    </message>
    <message>
        <source>e.g. Li Wang</source>
        <translation>例如 王力</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>optional, 4–6 digits</source>
        <translation>选填，4–6 位数字</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>主管 PIN 码</translation>
    </message>
    <message>
        <source>Their supervisor PIN will be removed.</source>
        <translation>其主管 PIN 码将被删除。</translation>
    </message>
    <message>
        <source>only for roles that approve overrides</source>
        <translation>仅限可批准放行的角色</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>UserRoles</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>文员</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Everything, including users, settings and weight-check overrides.</source>
        <translation>全部功能，包括用户、设置和称重不符放行。</translation>
    </message>
    <message>
        <source>Orders, stock, printing and stores.</source>
        <translation>订单、库存、打印和店铺。</translation>
    </message>
    <message>
        <source>The pack station and their own history.</source>
        <translation>打包台及本人的作业记录。</translation>
    </message>
    <message>
        <source>Picking.</source>
        <translation>拣货。</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>主管 PIN 码</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Wrong passwords</source>
        <translation>密码多次输错</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Search users (name, role…)</source>
        <translation>搜索用户（用户名、姓名、角色…）</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Ins or Ctrl+N</source>
        <translation>Ins 或 Ctrl+N</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Enter: display name and role</source>
        <translation>Enter：修改显示名称和角色</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Supervisor PIN…</source>
        <translation>主管 PIN 码…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Forget this user&apos;s wrong passwords: they can sign in again now</source>
        <translation>清除该用户的密码错误记录，让其立即重新登录</translation>
    </message>
    <message>
        <source>A deactivated user cannot sign in; their name stays on what they did. An administrator&apos;s supervisor PIN approves a parcel whose weight is off.</source>
        <translation>停用的用户无法登录，其操作记录仍保留其姓名。管理员的主管 PIN 码用于放行称重不符的包裹。</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>User {user} added.</source>
        <translation>已添加用户 {user}。</translation>
    </message>
    <message>
        <source>User {user} saved.</source>
        <translation>用户 {user} 已保存。</translation>
    </message>
    <message>
        <source>New password of {user} saved.</source>
        <translation>{user} 的新密码已保存。</translation>
    </message>
    <message>
        <source>Supervisor PIN of {user} removed.</source>
        <translation>{user} 的主管 PIN 码已删除。</translation>
    </message>
    <message>
        <source>Supervisor PIN of {user} saved.</source>
        <translation>{user} 的主管 PIN 码已保存。</translation>
    </message>
    <message>
        <source>User {user} activated: they can sign in again.</source>
        <translation>用户 {user} 已启用，可以重新登录。</translation>
    </message>
    <message>
        <source>User {user} deactivated: they can no longer sign in.</source>
        <translation>用户 {user} 已停用，无法再登录。</translation>
    </message>
    <message>
        <source>User {user} unlocked: they can sign in now.</source>
        <translation>用户 {user} 已解锁，现在可以登录。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>role</source>
        <extracomment>Wrong supervisor PINs (anywhere) that close PIN approval, and for how long. Wrong passwords without a wait; each further one doubles it, from FIRST_DELAY to MAX_DELAY, for that user (from any station) and for that station (any user name). Failures older than this are forgotten: last week&apos;s typos do not slow today&apos;s sign-in. The throttle key when a station has no name.</extracomment>
        <translation>角色</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>choose one: admin, clerk, packer or picker</source>
        <translation>请选择一个：管理员、文员、打包员或拣货员</translation>
    </message>
    <message>
        <source>must be at least 8 characters</source>
        <translation>至少需要 8 个字符</translation>
    </message>
    <message>
        <source>is not right</source>
        <translation>不正确</translation>
    </message>
    <message>
        <source>is the same as the current one</source>
        <translation>与当前密码相同</translation>
    </message>
    <message>
        <source>must be at most 200 characters</source>
        <translation>最多 200 个字符</translation>
    </message>
    <message>
        <source>must be 4 to 6 digits</source>
        <translation>必须是 4 到 6 位数字</translation>
    </message>
    <message>
        <source>must not repeat one digit (like 0000)</source>
        <translation>不能是同一个数字重复（如 0000）</translation>
    </message>
    <message>
        <source>must not be a run of digits (like 1234)</source>
        <translation>不能是连续数字（如 1234）</translation>
    </message>
    <message>
        <source>another supervisor uses this PIN: choose another</source>
        <translation>其他主管已在使用此 PIN 码，请换一个</translation>
    </message>
    <message>
        <source>only a role that may override a weight check can have a supervisor PIN</source>
        <translation>只有可批准称重不符放行的角色才能设置主管 PIN 码</translation>
    </message>
</context>
</TS>
