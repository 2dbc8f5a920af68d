export const messages = {
  ru: {
    heatmap: 'Профессиональные дефициты по видам: доля от прошедших диагностику, %',
    bySubject: 'Прошли диагностику по предметам, %',
    target: 'Цель',
    empty: 'Нет данных за выбранный период.',
  },
  en: {
    heatmap: 'Professional deficits by type: share of diagnosed teachers, %',
    bySubject: 'Diagnosed teachers by subject, %',
    target: 'Target',
    empty: 'No data for the chosen period.',
  },
}
