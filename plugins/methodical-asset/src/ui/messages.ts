export const messages = {
  ru: {
    tutors: 'Тьюторы и супервизоры на 100 педагогов, {period}',
    tutorsHint: 'Ориентир — не менее {target} на 100 педагогических работников; цвет столбца — соответствие ориентиру.',
    shares: 'Методический актив, {period}, %',
    total: 'Итого',
    target: 'Цель',
    noData: 'нет данных',
    noChildren: 'У выбранной организации нет подведомственных единиц: показано её собственное значение.',
    loadFailed: 'Не удалось загрузить данные: {message}',
    status: {
      met: 'соответствует',
      partly_met: 'частично',
      not_met: 'не соответствует',
      no_data: 'нет данных',
    },
  },
  en: {
    tutors: 'Tutors and supervisors per 100 teachers, {period}',
    tutorsHint: 'Target: at least {target} per 100 teachers; the bar colour shows whether it is met.',
    shares: 'Methodical asset, {period}, %',
    total: 'Total',
    target: 'Target',
    noData: 'no data',
    noChildren: 'The chosen organisation has no subordinate units: its own value is shown.',
    loadFailed: 'Could not load the data: {message}',
    status: {
      met: 'met',
      partly_met: 'partly met',
      not_met: 'not met',
      no_data: 'no data',
    },
  },
}
