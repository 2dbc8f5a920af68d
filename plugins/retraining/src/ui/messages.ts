export const messages = {
  ru: {
    trend: 'Динамика по годам, %',
    trendHint: 'Все отчётные периоды; разрыв линии — нет данных за год.',
    byChild: 'По подведомственным единицам, {period}, %',
    overYears: '{from} → {to}: {delta}',
    pp: 'п.п.',
    noData: 'нет данных',
    noDataFor: 'Нет данных: {list}',
    noChildren: 'У выбранной организации нет подведомственных единиц.',
    loadFailed: 'Не удалось загрузить данные: {message}',
  },
  en: {
    trend: 'Year-over-year trend, %',
    trendHint: 'Every reporting period; a gap in a line means no data for that year.',
    byChild: 'By subordinate unit, {period}, %',
    overYears: '{from} → {to}: {delta}',
    pp: 'p.p.',
    noData: 'no data',
    noDataFor: 'No data: {list}',
    noChildren: 'The chosen organisation has no subordinate units.',
    loadFailed: 'Could not load the data: {message}',
  },
}
