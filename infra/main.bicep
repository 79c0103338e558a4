// Kanalkoll in Azure: storage, a Flex Consumption function app with a user-assigned managed
// identity, Application Insights, and an Azure Bot (single tenant, managed identity) with the
// Teams channel. No secret anywhere: the bot and the app sign in as the managed identity.
//
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam

@description('Short name used in resource names, 3–11 lower-case letters and digits (no hyphens: it is part of the storage account name).')
@minLength(3)
@maxLength(11)
param name string = 'kanalkoll'

param location string = resourceGroup().location

@description('Entra ID tenants whose Teams may use the bot (comma-separated); normally only your own.')
param allowedTenantIds string = tenant().tenantId

@description('How the public register names who is responsible: name (name and role) or role (role and mailbox).')
@allowed(['name', 'role'])
param registerResponsible string = 'name'

@description('Entra object id of the Teams user who registers factual criticism (diarieföring); empty for none yet: /api/health is then not ready.')
param registrarAadObjectId string = ''

@description('Kanalkoll\'s id in your Teams app catalog (a GUID: Teams admin center, Manage apps, Kanalkoll, App ID), once the app package is uploaded. Set, the app installs itself for people it has no chat with (Microsoft Graph; the identity needs TeamsAppInstallation.ReadWriteSelfForUser.All, README, Deploy); empty: only people who have the app installed are reached.')
param teamsAppCatalogId string = ''
@description('Entra object id of the municipal archive\'s Teams user, who gets the half-year snapshots (R15); empty for none yet: /api/health is then not ready.')
param archiveAadObjectId string = ''

@description('Days each write-once audit blob is kept unalterable (R4: decisions are public records, kept for good). The policy is created unlocked: lock it (az storage container immutability-policy lock) once checked; a locked policy can only be lengthened.')
@minValue(1)
@maxValue(146000)
param auditImmutabilityDays int = 36500

@description('Days each blob in the archive container (half-year snapshots, closed accounts\' records) is kept unalterable. They are public records (R4, R15), kept as the audit is: Kanalkoll deletes none, only a disposal decision (gallringsbeslut) of the municipality could, so the default is the audit\'s. Created unlocked: lock it (az storage container immutability-policy lock) once checked.')
@minValue(1)
@maxValue(146000)
param archiveImmutabilityDays int = 36500

@description('Bot Service pricing tier: F0 (free, standard channels) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

var suffix = uniqueString(resourceGroup().id)
var storageName = toLower(replace(replace('${name}${suffix}', '-', ''), '_', ''))
var appName = '${name}-${suffix}'
var tables = ['conversations', 'directory', 'assignments', 'audit', 'register', 'reports', 'duties', 'nudges', 'deadletters', 'throttle', 'figures']
var queues = ['nudges', 'nudges-poison', 'effects', 'effects-poison']
// exports: files made for one person to download (deleted after a day); app-package: the code; the
// Functions host's own: its locks and timer schedules, and its keys. The archive (snapshots and closed
// accounts' records) and audit-trail (the write-once audit) are below, each with its immutability policy.
var containers = ['app-package', 'exports', 'azure-webjobs-hosts', 'azure-webjobs-secrets']

// Built-in roles, each granted where it is needed and no wider (identity-based connections, no keys;
// no Owner, Contributor or Blob Data Owner): blob data on each container, queue data on each queue.
// Table data covers the account's tables, which are all Kanalkoll's: the Functions host adds a
// diagnostics table each month and /api/health lists tables, so single tables would not do, and a
// grant on the table service (which reaches the same tables) is not a scope Azure documents. The
// Delegator reads no data: it lets the app sign its 15-minute read links (user delegation SAS),
// which reach only what the identity may read itself.
var roles = {
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  blobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  metricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }

  resource blobs 'blobServices' = {
    name: 'default'
    // An overwrite or delete keeps the earlier version (lifecycle rules below delete those that are no record).
    properties: { isVersioningEnabled: true }
    resource container 'containers' = [for c in containers: { name: c }]
    // R4, R15: public records. The app writes each blob once (If-None-Match: *, bot/store/archive.ts);
    // the policy keeps every one unalterable and undeletable for archiveImmutabilityDays.
    resource archive 'containers' = {
      name: 'archive'
      resource worm 'immutabilityPolicies' = {
        name: 'default'
        properties: {
          immutabilityPeriodSinceCreationInDays: archiveImmutabilityDays
          allowProtectedAppendWrites: false
        }
      }
    }
    // R4: each decision is appended to an append blob per assignment; blocks can be added, never changed or deleted.
    resource auditTrail 'containers' = {
      name: 'audit-trail'
      resource worm 'immutabilityPolicies' = {
        name: 'default'
        properties: {
          immutabilityPeriodSinceCreationInDays: auditImmutabilityDays
          allowProtectedAppendWrites: true
        }
      }
    }
  }
  // Downloads are made for one person, by a link that works 15 minutes: the files go after a day, and
  // the version their deletion leaves at the next run. Earlier versions of the code package and of the
  // host's status blobs go after a week. Nothing is deleted from the archive or the audit.
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'exports-after-a-day'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: { blobTypes: ['blockBlob'], prefixMatch: ['exports/'] }
              actions: {
                baseBlob: { delete: { daysAfterCreationGreaterThan: 1 } }
                version: { delete: { daysAfterCreationGreaterThan: 0 } }
              }
            }
          }
          {
            name: 'earlier-versions-after-a-week'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: { blobTypes: ['blockBlob'], prefixMatch: ['app-package/', 'azure-webjobs-hosts/', 'azure-webjobs-secrets/'] }
              actions: { version: { delete: { daysAfterCreationGreaterThan: 7 } } }
            }
          }
        ]
      }
    }
  }
  resource queueService 'queueServices' = {
    name: 'default'
    resource queue 'queues' = [for q in queues: { name: q }]
  }
  resource tableService 'tableServices' = {
    name: 'default'
    resource table 'tables' = [for t in tables: { name: t }]
  }
}

resource containerRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (c, i) in containers: {
  name: guid(storage::blobs::container[i].id, identity.id, roles.blobDataContributor)
  scope: storage::blobs::container[i]
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource archiveRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobs::archive.id, identity.id, roles.blobDataContributor)
  scope: storage::blobs::archive
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource auditTrailRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobs::auditTrail.id, identity.id, roles.blobDataContributor)
  scope: storage::blobs::auditTrail
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource delegatorRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.blobDelegator)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDelegator)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (q, i) in queues: {
  name: guid(storage::queueService::queue[i].id, identity.id, roles.queueDataContributor)
  scope: storage::queueService::queue[i]
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.queueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: { retentionInDays: 90, sku: { name: 'PerGB2018' } }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id, DisableLocalAuth: true }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.metricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.metricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  kind: 'functionapp'
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}app-package'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
      runtime: { name: 'node', version: '20' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'KANALKOLL_ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'KANALKOLL_PUBLIC_BASE_URL', value: 'https://${appName}.azurewebsites.net' }
        { name: 'KANALKOLL_REGISTER_RESPONSIBLE', value: registerResponsible }
        { name: 'KANALKOLL_REGISTRAR_AAD_OBJECT_ID', value: registrarAadObjectId }
        { name: 'KANALKOLL_ARCHIVE_AAD_OBJECT_ID', value: archiveAadObjectId }
        // People from Entra ID (directorySync); the identity needs User.Read.All (README, Deploy).
        { name: 'KANALKOLL_GRAPH_URL', value: 'https://graph.microsoft.com' }
        // Proactive installation for people Kanalkoll has no chat with; the identity needs TeamsAppInstallation.ReadWriteSelfForUser.All (README, Deploy).
        { name: 'KANALKOLL_TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
      ]
    }
  }
  // The app deploys from the app-package container, uses its storage and reports to Application
  // Insights as its identity: the containers and every grant must exist before it starts.
  dependsOn: [containerRoles, archiveRole, auditTrailRole, delegatorRole, queueRoles, tableRole, insightsRole, storage::blobs::container]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${appName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Kanalkoll'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }

  resource teams 'channels' = {
    name: 'MsTeamsChannel'
    location: 'global'
    properties: {
      channelName: 'MsTeamsChannel'
      properties: { isEnabled: true }
    }
  }
}

@description('For npm run package: MicrosoftAppId.')
output botId string = identity.properties.clientId
@description('For npm run package: KANALKOLL_PUBLIC_BASE_URL.')
output publicBaseUrl string = 'https://${app.properties.defaultHostName}'
output functionAppName string = app.name
output storageAccountName string = storage.name
@description('For granting Microsoft Graph User.Read.All and TeamsAppInstallation.ReadWriteSelfForUser.All to the function app (README, Deploy).')
output identityPrincipalId string = identity.properties.principalId
