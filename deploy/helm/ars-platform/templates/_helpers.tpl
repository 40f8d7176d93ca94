{{/* The release's prefix of every name. */}}
{{- define "ars.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of one component ({root, component}). */}}
{{- define "ars.labels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: ars-platform
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{- define "ars.selector" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The JDBC URL of the event store: the CloudNativePG pooler, or the one given. */}}
{{- define "ars.dbUrl" -}}
{{- if .Values.postgres.cnpg.enabled -}}
jdbc:postgresql://{{ include "ars.fullname" . }}-pooler-rw:5432/{{ .Values.postgres.database }}
{{- else -}}
{{ required "postgres.url is required when postgres.cnpg is disabled" .Values.postgres.url }}
{{- end -}}
{{- end -}}

{{/* The read models' MongoDB URI, without the password (given as ARS_MONGO_PASSWORD in the URI by the entry). */}}
{{- define "ars.mongoHosts" -}}
{{- $name := printf "%s-mongodb" (include "ars.fullname" .) -}}
{{- $hosts := list -}}
{{- range $i := until (int .Values.mongodb.community.members) -}}
{{- $hosts = append $hosts (printf "%s-%d.%s-svc:27017" $name $i $name) -}}
{{- end -}}
{{- join "," $hosts -}}
{{- end -}}

{{/* The database role of each component: the Flyway migrations grant each exactly its own tables. */}}
{{- define "ars.dbRoles" -}}
gateway: ars_gateway
console: ars_console
incident-service: ars_incident
region-service: ars_region
notification-service: ars_notification
{{- end -}}

{{/* The role of one component ({root, component}). */}}
{{- define "ars.dbRole" -}}
{{- $roles := include "ars.dbRoles" .root | fromYaml -}}
{{- required (printf "no database role for the component %s" .component) (get $roles .component) -}}
{{- end -}}

{{/* The kubernetes.io/basic-auth Secret (username, password) of one component's role ({root, component}). */}}
{{- define "ars.dbRoleSecret" -}}
{{- $given := dig .component "existingSecret" "" .root.Values.postgres.roles -}}
{{- default (printf "%s-db-%s" .root.Release.Name .component) $given -}}
{{- end -}}

{{/* One entry of a container's env from a key of a Secret ({name, secret, key, optional}). */}}
{{- define "ars.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}
