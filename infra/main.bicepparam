using './main.bicep'

// Change these for your organisation; everything else has a sensible default.
param name = 'kanalkoll'
param registerResponsible = 'name'
param botSku = 'F0'
// Kanalkoll's id in the Teams app catalog, once the app package is uploaded (README, Deploy): people it has no chat with get it installed.
param teamsAppCatalogId = ''
