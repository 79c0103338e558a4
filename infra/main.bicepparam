using './main.bicep'

// Change these for your organisation; everything else has a sensible default.
param name = 'kanalkoll'
param registerResponsible = 'name'
param botSku = 'F0'
