# Offline: both AWS providers are mocked, so `apply` computes every value without an account.
mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-west-1:123456789012:fib-dev-alarms" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/fib-dev-function" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/fib-dev" }
  }
  mock_resource "aws_lambda_function" {
    defaults = {
      arn        = "arn:aws:lambda:eu-west-1:123456789012:function:fib-dev"
      invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:fib-dev/invocations"
      version    = "1"
    }
  }
  mock_resource "aws_lambda_function_url" {
    defaults = { function_url = "https://abcdefghij.lambda-url.eu-west-1.on.aws/" }
  }
}

mock_provider "aws" {
  alias = "us_east_1"
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:us-east-1:123456789012:fib-dev-uptime-alarms" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000001" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
}

variables {
  alarm_email  = "oncall@example.com"
  package_path = "tests/fixture.zip"
}

run "function_settings" {
  command = apply

  assert {
    condition     = aws_lambda_function.api.runtime == "python3.12"
    error_message = "runtime must be python3.12, the runtime the package is built for"
  }
  assert {
    condition     = tolist(aws_lambda_function.api.architectures) == tolist(["arm64"])
    error_message = "arm64 by default"
  }
  assert {
    condition     = aws_lambda_function.api.handler == "adapters/aws/handler.handler"
    error_message = "handler must be the adapter in aws.zip"
  }
  assert {
    condition     = aws_lambda_function.api.reserved_concurrent_executions == 50
    error_message = "reserved concurrency caps cost and abuse"
  }
  assert {
    condition     = aws_lambda_function.api.tracing_config[0].mode == "Active"
    error_message = "X-Ray tracing on"
  }
  assert {
    condition     = aws_lambda_function.api.logging_config[0].log_format == "JSON"
    error_message = "JSON log format"
  }
  assert {
    condition     = aws_lambda_function.api.environment[0].variables["FIB_MAX_N"] == "10000000" && aws_lambda_function.api.environment[0].variables["FIB_MAX_RESPONSE_BYTES"] == "5000000"
    error_message = "limits reach the app under the names fib_core.config reads"
  }
  assert {
    condition     = aws_cloudwatch_log_group.function.retention_in_days == 30
    error_message = "log retention set"
  }
  assert {
    condition     = aws_lambda_function_url.live.qualifier == "live" && aws_lambda_function_url.live.authorization_type == "NONE"
    error_message = "the public URL serves the live alias"
  }
  assert {
    condition     = output.url == "https://abcdefghij.lambda-url.eu-west-1.on.aws/"
    error_message = "url output is the function URL"
  }
}

run "alarms_wired_to_function_and_topic" {
  command = apply

  assert {
    condition     = alltrue([for alarm in aws_cloudwatch_metric_alarm.lambda : alarm.dimensions["FunctionName"] == aws_lambda_function.api.function_name])
    error_message = "every Lambda alarm watches this function"
  }
  assert {
    condition     = alltrue([for alarm in aws_cloudwatch_metric_alarm.lambda : alarm.alarm_actions == toset([module.alarm_topic.topic_arn])])
    error_message = "every Lambda alarm notifies the alarm topic"
  }
  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.lambda)) == toset(["errors", "throttles", "url-5xx"])
    error_message = "errors, throttles and URL 5xx alarms exist"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.lambda["url-5xx"].dimensions["Resource"] == "fib-dev:live"
    error_message = "the URL 5xx alarm watches the alias the URL serves"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.duration.threshold == 24000 && aws_cloudwatch_metric_alarm.duration.extended_statistic == "p99"
    error_message = "duration alarm at 80% of the 30 s timeout, on p99"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.uptime.dimensions["HealthCheckId"] == aws_route53_health_check.healthz.id && aws_cloudwatch_metric_alarm.uptime.alarm_actions == toset([module.alarm_topic_us_east_1.topic_arn])
    error_message = "uptime alarm watches the /healthz health check and notifies the us-east-1 topic"
  }
  assert {
    condition     = aws_route53_health_check.healthz.resource_path == "/healthz" && aws_route53_health_check.healthz.fqdn == "abcdefghij.lambda-url.eu-west-1.on.aws"
    error_message = "health check probes /healthz on the function URL host"
  }
  assert {
    condition     = length(output.alarm_names) == 5
    error_message = "five alarms"
  }
}

run "cdn_is_optional" {
  command = apply
  variables {
    enable_cdn = true
  }
  assert {
    condition     = length(aws_cloudfront_distribution.api) == 1 && [for origin in aws_cloudfront_distribution.api[0].origin : origin.domain_name] == ["abcdefghij.lambda-url.eu-west-1.on.aws"]
    error_message = "CloudFront fronts the function URL when enabled"
  }
}

run "rejects_negative_concurrency" {
  command = plan
  variables {
    reserved_concurrency = -1
  }
  expect_failures = [var.reserved_concurrency]
}

run "rejects_timeout_over_platform_maximum" {
  command = plan
  variables {
    timeout_seconds = 901
  }
  expect_failures = [var.timeout_seconds]
}

run "rejects_memory_out_of_range" {
  command = plan
  variables {
    memory_mb = 64
  }
  expect_failures = [var.memory_mb]
}

run "rejects_bad_email" {
  command = plan
  variables {
    alarm_email = "not-an-email"
  }
  expect_failures = [var.alarm_email]
}

run "rejects_response_limit_over_lambda_maximum" {
  command = plan
  variables {
    max_response_bytes = 7000000
  }
  expect_failures = [var.max_response_bytes]
}
