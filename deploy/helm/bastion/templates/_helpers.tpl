{{- define "bastion.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "bastion.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component (web, worker, migrate). */}}
{{- define "bastion.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "bastion.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "bastion.secretName" -}}
{{ .Values.existingSecret | default (printf "%s-env" (include "bastion.fullname" .)) }}
{{- end -}}

{{/* Environment shared by web, worker and migrate: fixed settings, then values.env, then the Secret. */}}
{{- define "bastion.env" -}}
env:
  - { name: NODE_ENV, value: production }
  - { name: HOST, value: 0.0.0.0 }
  - { name: PORT, value: {{ .Values.web.port | quote }} }
  - { name: BASTION_BUILD_ON_START, value: "0" }
  - { name: BASTION_MIGRATE_ON_START, value: "0" }
  - { name: BASTION_DATA_DIR, value: /data }
  - { name: BASTION_WORKER_CONCURRENCY, value: {{ .Values.worker.concurrency | quote }} }
  {{- range $name, $value := .Values.env }}
  - { name: {{ $name }}, value: {{ $value | toString | quote }} }
  {{- end }}
envFrom:
  - secretRef:
      name: {{ include "bastion.secretName" . }}
{{- end -}}

{{- define "bastion.volumeMounts" -}}
volumeMounts:
  - { name: tmp, mountPath: /tmp }
  - { name: data, mountPath: /data }
{{- end -}}

{{- define "bastion.volumes" -}}
volumes:
  - name: tmp
    emptyDir: { sizeLimit: {{ .Values.tmpSizeLimit }} }
  - name: data
    emptyDir: {}
{{- end -}}

{{- define "bastion.podSpecCommon" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
