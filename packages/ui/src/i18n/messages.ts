/** Messages of the shared components; the shell merges them into its i18n instance. */
export const uiMessages = {
  ru: {
    ui: {
      status: {
        met: 'соответствует',
        partly_met: 'частично',
        not_met: 'не соответствует',
        no_data: 'нет данных',
        none: 'без цели',
      },
      yes: 'да',
      no: 'нет',
      noData: 'нет данных',
      retry: 'Повторить',
      loading: 'Загрузка…',
      pluginFailed: 'Не удалось загрузить раздел «{name}»',
      table: {
        indicator: 'Показатель',
        value: 'Значение',
        fraction: 'Числитель / знаменатель',
        target: 'Цель',
        status: 'Статус',
        score: 'Баллы',
        change: 'Изменение',
        orgUnit: 'Организация',
      },
      changeVsPrevious: 'к {period}',
    },
  },
  en: {
    ui: {
      status: { met: 'met', partly_met: 'partly met', not_met: 'not met', no_data: 'no data', none: 'no target' },
      yes: 'yes',
      no: 'no',
      noData: 'no data',
      retry: 'Retry',
      loading: 'Loading…',
      pluginFailed: 'The section “{name}” failed to load',
      table: {
        indicator: 'Indicator',
        value: 'Value',
        fraction: 'Numerator / denominator',
        target: 'Target',
        status: 'Status',
        score: 'Points',
        change: 'Change',
        orgUnit: 'Organisation',
      },
      changeVsPrevious: 'vs {period}',
    },
  },
}
