/** Chinese strings of the notifications namespace: the bell, the list and each kind of message. */
export const notificationsZhCN = {
  bell: '消息',
  bellWithCount: '消息，{{count}} 条未读',
  title: '我的消息',
  readAll: '全部已读',
  readAllDone: '已全部标为已读',
  empty: '暂无消息',
  emptyHint: '诉求有新进展时，会在这里通知您。',
  more: '加载更多',
  unread: '未读',
  loadFailed: '消息加载失败',
  inAppOnly: '仅站内通知，不发送短信',
  kinds: {
    demand: {
      registered: {
        title: '诉求已立案',
        body: '您的诉求 No.{{number}}（{{category}}）已立案，将尽快派遣办理。',
      },
      declined: {
        title: '诉求不予立案',
        body: '您的诉求 No.{{number}}（{{category}}）不予立案。说明：{{reason}}',
      },
      merged: {
        title: '诉求已合并',
        body: '您的诉求 No.{{number}}（{{category}}）已合并到 No.{{intoNumber}} 一并办理，请在该诉求页面查看进展。',
      },
      dispatched: {
        title: '诉求已派遣',
        body: '您的诉求 No.{{number}}（{{category}}）已派遣至{{responsible}}办理，办理期限 {{due}}。',
      },
      extended: {
        title: '办理期限延长',
        body: '您的诉求 No.{{number}}（{{category}}）办理期限延长至 {{due}}。原因：{{reason}}',
      },
      replied: {
        title: '诉求已答复',
        body: '您的诉求 No.{{number}}（{{category}}）已答复：{{reply}}',
      },
      closed: {
        title: '诉求已办结，请评价',
        body: '您的诉求 No.{{number}}（{{category}}）已办结，请对办理结果进行评价。',
      },
      assigned: {
        title: '有诉求派给您办理',
        body: '诉求 No.{{number}}（{{category}}）已派给您办理，办理期限 {{due}}。',
      },
      reassigned: {
        title: '有诉求改派给您办理',
        body: '诉求 No.{{number}}（{{category}}）已改派给您办理，办理期限 {{due}}。',
      },
      rework: {
        title: '核查未通过，请重新办理',
        body: '诉求 No.{{number}}（{{category}}）核查未通过，请重新办理。原因：{{reason}}',
      },
      due_soon: {
        title: '诉求即将超期',
        body: '诉求 No.{{number}}（{{category}}）即将超期，办理期限 {{due}}，请抓紧办理。',
      },
      overdue: {
        title: '诉求已超期',
        body: '诉求 No.{{number}}（{{category}}）已超过办理期限 {{due}}，请尽快办理并反馈。',
      },
      contact_late: {
        title: '首次联系超时',
        body: '诉求 No.{{number}}（{{category}}）应于 {{contactDue}} 前首次联系诉求人，目前尚未联系，请尽快联系。',
      },
    },
    unknown: { title: '新消息', body: '诉求 No.{{number}} 有新进展。' },
  },
  fallback: { responsible: '责任单位', due: '未定', note: '（无）' },
};
