# Varnish in front of Wiel (docs/performance.md, docs/deployment.md).
#
# Caches what Wiel marks as shared (Cache-Control: public, s-maxage) for anonymous readers; passes
# the admin, every request with a session or a message cookie, the fit question's personal
# steps, and every address behind a token (a reader's preferences, data, cancel links). A PURGE from Wiel (wagtail.contrib.frontend_cache, VARNISH_URL) drops the path with every
# query string: the filtered, sorted and paged versions of an overview go with it.
# `deploy/serve` and the tests set the backend's port (8001 here).
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8001";
    .first_byte_timeout = 60s;
}

# Who may purge: the web processes. Behind a load balancer, add their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # The path with any query string; bans are tested in the background (lurker friendly).
        ban("obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)" || req.url ~ "^(/en)?/(passend|fit)/") {
        return (pass);
    }
    # A reader's own pages behind a token (preferences, data download, erase, confirm, cancel and
    # unsubscribe links): never stored, whatever the answer's headers say.
    if (req.url ~ "/(voorkeuren|preferences|bevestigen|confirm|afmelden|cancel)/[^/?]+/") {
        set req.http.X-Wiel-Personal = "1";
        return (pass);
    }
    # A reader's own pages: logged in (the userbar), or a message waiting after a form.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # A fit page asked without a question by a reader with the fit cookie: Wiel redirects them to
    # the page's URL with the question, which is then cached like any other.
    if (req.http.Cookie ~ "(^|;\s*)wiel_fit=" && req.url !~ "[?&]gemeente=") {
        return (pass);
    }
    # Nothing else depends on a cookie (Wiel marks what does as private).
    unset req.http.Cookie;
    # Varnish itself knows only gzip: it would ask Wiel for gzip and unzip it again for every
    # Brotli reader. So a Brotli reader's wish is carried to the backend fetch and into the hash.
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
        set req.http.X-Wiel-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_hash {
    # One site: the address the reader used (127.0.0.1, localhost, the public name) is the same page.
    hash_data(req.url);
    # Brotli copies apart from the gzip ones (Varnish serves the gzip copy to readers without gzip).
    if (req.http.X-Wiel-Encoding) {
        hash_data(req.http.X-Wiel-Encoding);
    }
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Wiel-Encoding) {
        set bereq.http.Accept-Encoding = bereq.http.X-Wiel-Encoding;
        unset bereq.http.X-Wiel-Encoding;
    }
}

sub vcl_backend_response {
    # For bans: the object remembers its path.
    set beresp.http.x-url = bereq.url;
    # Serve a stale copy for a while if Wiel is slow or down, while fetching a fresh one.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (req.http.X-Wiel-Personal) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
