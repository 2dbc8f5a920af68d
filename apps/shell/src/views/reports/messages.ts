/**
 * Messages of the reports page. They live in the page's lazily loaded chunk and are merged into
 * the shell's i18n when the page first loads, so the first paint does not carry them.
 */
export const reportMessages = {
  ru: {
    reports: {
      title: 'Аналитические справки',
      intro:
        'Справка по организации и периоду: сводка по направлениям, показатели, рейтинги, графики, выводы, рекомендации и меры. Файл готовится в фоне.',
      order: 'Сформировать справку',
      format: 'Формат',
      directions: 'Направления',
      allDirections: 'ничего не отмечено — все',
      appendix: 'Приложение: источники информации и полнота данных',
      children: 'Подведомственные единицы',
      childrenModes: { compact: 'сравнительная таблица', sections: 'раздел на каждую', none: 'не включать' },
      submit: 'Сформировать',
      queued: 'В очереди…',
      progress: 'раздел {done} из {total}',
      list: 'Справки организации',
      empty: 'Справок за этот период ещё нет.',
      when: 'Заказана',
      who: 'Кто',
      period: 'Период',
      size: 'Размер',
      status: 'Состояние',
      download: 'Скачать',
      kb: '{n} КБ',
      statuses: { queued: 'в очереди', running: 'готовится', done: 'готова', failed: 'ошибка' },
      failed: 'Не удалось: {reason}',
    },
  },
  en: {
    reports: {
      title: 'Analytical reports',
      intro:
        "A unit's report for a period: summary of the directions, indicators, league tables, charts, conclusions, recommendations and measures. The file is made in the background.",
      order: 'Order a report',
      format: 'Format',
      directions: 'Directions',
      allDirections: 'none ticked: all',
      appendix: 'Appendix: sources of information and data completeness',
      children: 'Child units',
      childrenModes: { compact: 'comparison table', sections: 'a section each', none: 'leave out' },
      submit: 'Order',
      queued: 'Queued…',
      progress: 'section {done} of {total}',
      list: "The unit's reports",
      empty: 'No reports for this period yet.',
      when: 'Ordered',
      who: 'By',
      period: 'Period',
      size: 'Size',
      status: 'Status',
      download: 'Download',
      kb: '{n} KB',
      statuses: { queued: 'queued', running: 'in progress', done: 'ready', failed: 'failed' },
      failed: 'Failed: {reason}',
    },
  },
}
