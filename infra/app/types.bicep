// Shapes of the grouped parameters main.bicep passes to the Function App module.

@export()
@description('How email leaves Tracker (app settings Smtp__*). Azure Communication Services\' SMTP relay or any SMTP provider.')
type smtpSettings = {
  @description('SMTP host, e.g. smtp.azurecomm.net, smtp.sendgrid.net, email-smtp.<region>.amazonaws.com.')
  host: string

  @description('SMTP port: 587 with StartTls, 465 with SslOnConnect.')
  @minValue(1)
  @maxValue(65535)
  port: int

  @description('MailKit SecureSocketOptions.')
  security: ('None' | 'Auto' | 'StartTls' | 'StartTlsWhenAvailable' | 'SslOnConnect')

  @description('SMTP user name; for ACS "<resource>.<entra app id>.<tenant id>" or a configured SMTP username.')
  userName: string

  @description('Sender address; for ACS an address of a domain connected to the Communication Services resource.')
  fromAddress: string

  @description('Sender display name.')
  fromName: string

  @description('SMTP connections that send at once, per instance.')
  @minValue(1)
  @maxValue(32)
  maxConnections: int

  @description('Upper bound on messages per second (0 = unlimited); keep below the provider\'s quota.')
  messagesPerSecond: string
}

@export()
@description('NCRONTAB schedules (six fields, UTC) of the timer-triggered functions, one per %Name% placeholder.')
type timerSchedules = {
  @description('DispatchSchedule: how often due waves are looked for and their invitations and reminders queued.')
  dispatch: string

  @description('ModelSchedule: how often panels with new responses or newly closed waves get their willingness model refitted.')
  model: string

  @description('SummarySchedule: how often closed waves are looked for; each stakeholder summary is sent once per wave.')
  summary: string
}

@export()
@description('Link-signing keys (app settings Links__*). Secrets live in Key Vault as "link-key-{id}".')
type linkSettings = {
  @description('Key id new links are signed with.')
  activeKeyId: string

  @description('Every key id links may still be signed with (must include activeKeyId); ids are letters, digits and dashes.')
  keyIds: string[]

  @description('How long after a wave closes its links stop verifying (TimeSpan, d.hh:mm:ss).')
  graceAfterClose: string
}

@export()
@description('Resource tags.')
type tagSet = {
  *: string
}

@export()
@description('Sign-in and roles (app settings Tracker__Auth__*; App Service Authentication).')
type authSettings = {
  @description('Client id of the Entra ID app registration (infra/hooks/app-registration.sh); empty leaves App Service Authentication off.')
  clientId: string

  @description('The tenant whose people may sign in (Tracker__Auth__TenantId).')
  tenantId: string

  @description('The role each named key acts with (Tracker__Auth__KeyRoles__*).')
  keyRoles: keyRoleMap
}

@export()
@description('Key name → the role it acts with; a key not listed acts as manager.')
type keyRoleMap = {
  *: ('owner' | 'manager' | 'analyst' | 'viewer')
}
