/** Answers of a sample account plan that the domain and the flow tests share. */
export const channel = {
  platform: 'Instagram',
  accountName: 'Fritidsgårdarna i Botkyrka',
  accountUrl: 'https://www.instagram.com/fritidbotkyrka',
  startDate: '2027-01-10',
};
