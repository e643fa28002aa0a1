// `imputa serve [FILE|DIR]`: the HTTP side of the page (cpp-httplib). Routes,
// the safety checks of docs/serve.md (loopback, Host header, case files under
// the served folder only, limits, 400 with the problem named) and the
// embedded page; judging is in serve_case.cpp.
#include "serve.hpp"
#include "render.hpp"
#include "serve_case.hpp"
#include "web_assets.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

namespace imputa::cli {
namespace serve {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

// 127.x.y.z written as an address, not a name that starts so ("127.evil.example").
bool is_loopback(const std::string& host) {
  const bool numeric = host.find_first_not_of("0123456789.") == std::string::npos;
  return host == "localhost" || host == "::1" || host == "[::1]" || (numeric && host.rfind("127.", 0) == 0);
}

bool is_wildcard(const std::string& host) { return host == "0.0.0.0" || host == "::" || host == "[::]"; }

// The Host header without its port ("[::1]:8017" -> "[::1]").
std::string host_name(const std::string& header) {
  if (!header.empty() && header.front() == '[') {
    auto close = header.find(']');
    return close == std::string::npos ? header : header.substr(0, close + 1);
  }
  return header.substr(0, header.find(':'));
}

bool is_case_file(const fs::path& p) { return p.extension() == ".imputa"; }

// `inner` lies in `root` (both canonical).
bool inside(const fs::path& root, const fs::path& inner) {
  auto r = root.begin(), i = inner.begin();
  for (; r != root.end(); ++r, ++i)
    if (i == inner.end() || *r != *i) return false;
  return true;
}

const std::set<std::string>& what_if_parameters() {
  static const std::set<std::string> names{"file", "drop", "assume", "doctrine", "standard", "as_of", "claim", "view"};
  return names;
}

void send(httplib::Response& res, const Answer& a) {
  res.status = a.status;
  res.set_content(a.body, a.content_type.c_str());
}

} // namespace

struct Server::Impl {
  ServeOptions options;
  fs::path root;                 // canonical served folder
  std::optional<fs::path> only;  // FILE given: the one case file served (canonical)
  httplib::Server http;
  Cases cases;
  int port = -1;

  explicit Impl(ServeOptions o) : options(std::move(o)), cases(options.judge) {}

  // The case file a request names, checked: relative, no "..", a case file,
  // inside the served folder once symlinks are followed.
  std::optional<fs::path> case_path(const httplib::Request& req, Answer& refusal) const {
    if (!req.has_param("file")) {
      refusal = json_error(400, "the parameter 'file' is missing: which case file?");
      return std::nullopt;
    }
    const std::string name = req.get_param_value("file");
    const fs::path rel(name);
    if (name.empty() || rel.is_absolute() || name.find('\\') != std::string::npos || name.find('\0') != std::string::npos) {
      refusal = json_error(403, "'" + name + "' is not a case file under the served folder");
      return std::nullopt;
    }
    for (const auto& part : rel)
      if (part == "..") {
        refusal = json_error(403, "'" + name + "' leaves the served folder ('..')");
        return std::nullopt;
      }
    if (!is_case_file(rel)) {
      refusal = json_error(403, "'" + name + "' is not a case file (*.imputa)");
      return std::nullopt;
    }
    std::error_code ec;
    fs::path real = fs::canonical(root / rel, ec);
    if (ec) {
      refusal = json_error(404, "there is no case file '" + name + "' in the served folder");
      return std::nullopt;
    }
    if (!inside(root, real) || (only && real != *only) || !fs::is_regular_file(real)) {
      refusal = json_error(403, "'" + name + "' is not a case file under the served folder");
      return std::nullopt;
    }
    return root / rel;
  }

  // The case files of the folder (relative paths, sorted), symlinks out of it left out.
  std::vector<std::string> files() const {
    std::vector<std::string> out;
    if (only) {
      out.push_back(only->filename().string());
      return out;
    }
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const auto& p = it->path();
      const std::string leaf = p.filename().string();
      if (it->is_directory(ec) && (leaf.starts_with(".") || leaf == "build" || leaf == "node_modules" ||
                                   it.depth() >= 6)) {
        it.disable_recursion_pending();
        continue;
      }
      if (!is_case_file(p) || !it->is_regular_file(ec)) continue;
      std::error_code ec2;
      fs::path real = fs::canonical(p, ec2);
      if (ec2 || !inside(root, real)) continue;
      out.push_back(fs::relative(p, root, ec2).generic_string());
      if (out.size() >= max_listed_files) break;
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // A version of the served folder's case files: changes when one is edited.
  std::string stamp() const {
    std::string s;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    std::size_t seen = 0;
    for (; !ec && it != end && seen < max_listed_files; it.increment(ec)) {
      const std::string leaf = it->path().filename().string();
      if (it->is_directory(ec) && (leaf.starts_with(".") || leaf == "build" || leaf == "node_modules")) {
        it.disable_recursion_pending();
        continue;
      }
      if (!is_case_file(it->path())) continue;
      ++seen;
      std::error_code e;
      auto t = fs::last_write_time(it->path(), e);
      auto size = e ? 0 : fs::file_size(it->path(), e);
      s += it->path().string() + ":" + std::to_string(t.time_since_epoch().count()) + ":" + std::to_string(size) + ";";
    }
    return std::to_string(std::hash<std::string>{}(s));
  }

  // Every parameter known, none repeated where one is meant, none too long.
  bool parameters_ok(const httplib::Request& req, Answer& refusal) const {
    if (req.params.size() > max_parameters) {
      refusal = json_error(400, "too many parameters (at most " + std::to_string(max_parameters) + ")");
      return false;
    }
    for (const auto& [name, value] : req.params) {
      if (!what_if_parameters().count(name)) {
        refusal = json_error(400, "unknown parameter '" + name +
                                      "'; the parameters are file, claim, drop, assume, doctrine, standard, as_of, view");
        return false;
      }
      if (value.size() > max_parameter_bytes) {
        refusal = json_error(400, "the parameter '" + name + "' is too long (at most " +
                                      std::to_string(max_parameter_bytes) + " bytes)");
        return false;
      }
    }
    for (const char* single : {"file", "standard", "as_of", "claim", "view"})
      if (req.get_param_value_count(single) > 1) {
        refusal = json_error(400, "the parameter '" + std::string(single) + "' is given more than once");
        return false;
      }
    return true;
  }

  WhatIf what_if(const httplib::Request& req) const {
    WhatIf w;
    // Each value once, in the order given: httplib already merges a repeated
    // `drop=a&drop=a`, but not `drop=a&drop=%61`; dropping twice is dropping once.
    auto all = [&](const char* name) {
      std::vector<std::string> out;
      for (std::size_t i = 0; i < req.get_param_value_count(name); ++i) {
        std::string value = req.get_param_value(name, i);
        if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
      }
      return out;
    };
    w.drop = all("drop");
    w.assume = all("assume");
    w.doctrine = all("doctrine");
    if (req.has_param("standard")) w.standard = req.get_param_value("standard");
    if (req.has_param("as_of") && !req.get_param_value("as_of").empty()) w.as_of = req.get_param_value("as_of");
    return w;
  }

  void routes() {
    http.set_payload_max_length(max_body_bytes);
    http.set_read_timeout(10, 0);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"}});
    http.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return screen(req, res); });
    answer_failures();
    page_routes();
    api_routes();
  }

  // Before any route: the Host header names this server (no DNS rebinding),
  // the body is not too large, only GET is served, the parameters are known.
  httplib::Server::HandlerResponse screen(const httplib::Request& req, httplib::Response& res) const {
    Answer refusal;
    const std::string host = host_name(req.get_header_value("Host"));
    const bool known = is_loopback(host) || is_wildcard(options.host) || host == options.host;
    const std::string length_text = req.get_header_value("Content-Length");
    const bool too_long = length_text.size() > 12 ||
                          (!length_text.empty() && std::strtoull(length_text.c_str(), nullptr, 10) > max_body_bytes);
    if (host.empty() || !known) {
      refusal = json_error(403, "the Host header '" + req.get_header_value("Host") +
                                    "' does not name this server (serve --host names another)");
    } else if (too_long) {
      // httplib reads and discards the body, then answers 413 (answer_failures):
      // refused here, the client would see a broken connection.
      return httplib::Server::HandlerResponse::Unhandled;
    } else if (req.method != "GET" && req.method != "HEAD") {
      refusal = json_error(405, "only GET is served: the page reads, it never writes");
    } else if (!parameters_ok(req, refusal)) {
    } else {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    send(res, refusal);
    return httplib::Server::HandlerResponse::Handled;
  }

  // httplib's own refusals (413, 414, 404) and an exception in a route, as JSON errors.
  void answer_failures() {
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const std::string what = res.status == 413 ? "the request is too large (at most " +
                                                       std::to_string(max_body_bytes) + " bytes)"
                               : res.status == 414 ? "the address is too long"
                               : res.status == 404 ? "there is no such page"
                                                   : "the request cannot be served";
      res.set_content(Json{{"error", what}}.dump(2) + "\n", "application/json");
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = std::string("internal error: ") + e.what();
      } catch (...) {
      }
      send(res, json_error(500, what));
    });
  }

  // The page itself, from the binary.
  void page_routes() {
    auto asset = [](const std::string& name, const char* type) {
      return [name, type](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(web::asset(name)), type);
      };
    };
    http.Get("/", asset("index.html", "text/html; charset=utf-8"));
    http.Get("/app.js", asset("app.js", "text/javascript; charset=utf-8"));
    http.Get("/style.css", asset("style.css", "text/css; charset=utf-8"));
    http.Get("/report.css", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(render::html_style()), "text/css; charset=utf-8");
    });
  }

  // What the page asks: the files, the folder's version, a case judged, a claim's graph.
  void api_routes() {
    http.Get("/api/files", [this](const httplib::Request&, httplib::Response& res) {
      Json j{{"folder", root.filename().string()}, {"files", files()}, {"stamp", stamp()}};
      send(res, {200, "application/json", j.dump(2) + "\n"});
    });
    http.Get("/api/stamp", [this](const httplib::Request&, httplib::Response& res) {
      send(res, {200, "application/json", Json{{"stamp", stamp()}}.dump() + "\n"});
    });
    http.Get("/api/case", [this](const httplib::Request& req, httplib::Response& res) {
      Answer refusal;
      auto path = case_path(req, refusal);
      if (!path) return send(res, refusal);
      if (req.has_param("view")) return send(res, json_error(400, "'view' belongs to /api/graph"));
      // `claim`: the claim the page shows, judged with its reasons; the others get their verdicts.
      std::optional<std::string> explained;
      if (req.has_param("claim")) explained = req.get_param_value("claim");
      send(res, cases.report(path->string(), req.get_param_value("file"), what_if(req), explained));
    });
    http.Get("/api/graph", [this](const httplib::Request& req, httplib::Response& res) {
      Answer refusal;
      auto path = case_path(req, refusal);
      if (!path) return send(res, refusal);
      if (!req.has_param("claim")) return send(res, json_error(400, "the parameter 'claim' is missing: which claim?"));
      const std::string view = req.has_param("view") ? req.get_param_value("view") : "support";
      if (view != "support" && view != "full")
        return send(res, json_error(400, "view is 'support' or 'full', not '" + view + "'"));
      send(res, cases.graph(path->string(), req.get_param_value("file"), req.get_param_value("claim"), what_if(req),
                            view == "full"));
    });
  }
};

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

int Server::bind(std::string& error) {
  std::signal(SIGPIPE, SIG_IGN); // a page closed mid-answer, or dot gone, is not a reason to stop
  std::error_code ec;
  fs::path target = fs::canonical(impl_->options.target, ec);
  if (ec) {
    error = "cannot serve '" + impl_->options.target + "': " + ec.message();
    return -1;
  }
  if (fs::is_directory(target)) {
    impl_->root = target;
  } else if (fs::is_regular_file(target) && is_case_file(target)) {
    impl_->root = target.parent_path();
    impl_->only = target;
  } else {
    error = "cannot serve '" + impl_->options.target + "': not a folder or a case file (*.imputa)";
    return -1;
  }
  impl_->routes();
  const auto& host = impl_->options.host;
  impl_->port = impl_->options.port == 0 ? impl_->http.bind_to_any_port(host)
                                         : (impl_->http.bind_to_port(host, impl_->options.port)
                                                ? impl_->options.port
                                                : -1);
  if (impl_->port < 0) error = "cannot listen on " + host + ":" + std::to_string(impl_->options.port) +
                               " (in use? try --port with another number, or --port 0 for any free one)";
  return impl_->port;
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

std::string Server::url() const {
  std::string host = impl_->options.host;
  if (is_wildcard(host)) host = "127.0.0.1";
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  std::string url = "http://" + host + ":" + std::to_string(impl_->port) + "/";
  if (impl_->only) url += "#file=" + impl_->only->filename().string();
  return url;
}

} // namespace serve

namespace {
std::atomic<serve::Server*> running{nullptr};
extern "C" void stop_serving(int) {
  if (auto* s = running.load()) s->stop();
}
} // namespace

int run_serve(const ServeOptions& options) {
  if (!serve::is_loopback(options.host))
    std::cerr << "imputa: warning: serving on " << options.host
              << ", not only on this computer: anyone who can reach it can read the case files under the folder\n";
  serve::Server server(options);
  std::string error;
  if (server.bind(error) < 0) {
    std::cerr << "imputa: " << error << "\n";
    return input_error;
  }
  running = &server;
  std::signal(SIGINT, stop_serving);
  std::signal(SIGTERM, stop_serving);
  std::cout << "imputa serve: " << server.url() << "\n(Ctrl-C stops it)" << std::endl;
  server.run();
  running = nullptr;
  return ok;
}

} // namespace imputa::cli
