output "url" {
  description = "The public HTTPS endpoint (the function URL, serving the `live` alias)."
  value       = aws_lambda_function_url.live.function_url
}

output "cdn_url" {
  description = "CloudFront URL when enable_cdn is true, else null."
  value       = var.enable_cdn ? "https://${aws_cloudfront_distribution.api[0].domain_name}/" : null
}

output "function_name" {
  description = "Lambda function name (for logs, the release tool and the runbook)."
  value       = aws_lambda_function.api.function_name
}

output "alias_name" {
  description = "The alias the URL serves; the release tool shifts it between versions."
  value       = aws_lambda_alias.live.name
}

output "published_version" {
  description = "Version published by this apply (the release tool promotes it)."
  value       = aws_lambda_function.api.version
}

output "log_group_name" {
  description = "CloudWatch Logs group of the function."
  value       = aws_cloudwatch_log_group.function.name
}

output "alarm_names" {
  description = "Every alarm this module creates (docs/runbook.md has an entry for each)."
  value       = concat([for alarm in aws_cloudwatch_metric_alarm.lambda : alarm.alarm_name], [aws_cloudwatch_metric_alarm.duration.alarm_name, aws_cloudwatch_metric_alarm.uptime.alarm_name])
}

output "alarm_topic_arns" {
  description = "SNS topics the alarms notify (regional, and us-east-1 for the uptime alarm)."
  value       = [module.alarm_topic.topic_arn, module.alarm_topic_us_east_1.topic_arn]
}

output "dashboard_name" {
  description = "CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.main.dashboard_name
}

output "health_check_id" {
  description = "Route 53 health check probing /healthz."
  value       = aws_route53_health_check.healthz.id
}
