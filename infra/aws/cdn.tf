# Optional CloudFront in front of the function URL. Successful answers are immutable
# (Cache-Control: public, max-age=31536000, immutable), so each distinct URL reaches Lambda once per edge.

resource "aws_cloudfront_cache_policy" "api" {
  count       = var.enable_cdn ? 1 : 0
  name        = "${local.name}-api"
  comment     = "Cache by path, every query parameter and Accept (JSON or text)."
  default_ttl = 86400
  max_ttl     = 31536000
  min_ttl     = 0
  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true
    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "whitelist"
      headers {
        items = ["Accept"]
      }
    }
    query_strings_config {
      query_string_behavior = "all"
    }
  }
}

resource "aws_cloudfront_response_headers_policy" "api" {
  count   = var.enable_cdn ? 1 : 0
  name    = "${local.name}-security-headers"
  comment = "Security headers for every answer served through the CDN."
  security_headers_config {
    content_type_options {
      override = true
    }
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      override                   = true
    }
    referrer_policy {
      referrer_policy = "no-referrer"
      override        = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
  }
}

resource "aws_cloudfront_distribution" "api" {
  #checkov:skip=CKV_AWS_68:No WAF by default: the API is read-only and bounded by reserved concurrency; attach a web ACL with var-driven rate limits where the budget allows.
  #checkov:skip=CKV_AWS_86:Access logging needs a log bucket the deployer chooses; Lambda's own logs record every request that misses the cache.
  #checkov:skip=CKV_AWS_174:The default *.cloudfront.net certificate decides the TLS floor; a custom domain with TLSv1.2_2021 is the documented next step.
  #checkov:skip=CKV_AWS_310:One origin by design; failover would need a second deployment.
  #checkov:skip=CKV_AWS_374:Fibonacci numbers are not geo-restricted.
  #checkov:skip=CKV2_AWS_47:No WAF (see CKV_AWS_68), so no Log4j rule set to attach.
  #checkov:skip=CKV2_AWS_42:A custom certificate needs a domain the deployer owns; see CKV_AWS_174.
  count           = var.enable_cdn ? 1 : 0
  enabled         = true
  is_ipv6_enabled = true
  comment         = "${local.name} API"
  price_class     = "PriceClass_100"
  http_version    = "http2and3"

  origin {
    origin_id   = "function-url"
    domain_name = local.function_host
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = "function-url"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = aws_cloudfront_cache_policy.api[0].id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.api[0].id
    compress                   = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
