// generated — do not edit; pnpm gen:api
// From the route schemas of apps/server via its OpenAPI document.

export interface paths {
  '/api/health': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Liveness and database check */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The service and its database answer */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok'
              /** @enum {string} */
              engine: 'pglite' | 'postgres'
              contract: string
              plugins: number
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/periods': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Reporting periods, oldest first */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Periods */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Period'][]
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The signed-in user with their roles; regionId is the region of the first role */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The caller */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Me']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/login': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Sign in: sets the session cookie (httpOnly, SameSite=Lax) and answers like /api/auth/me
     * @description At most 5 failures per account and 20 per client address in 15 minutes; beyond that 429 with Retry-After.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @example mun1 */
            login: string
            /** @example demo */
            password: string
          }
        }
      }
      responses: {
        /** @description Signed in */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Me']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Too many failed attempts; see Retry-After */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/logout': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Sign out: ends this session and clears the cookie */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/auth/password': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Change your password; every other session of yours ends, and this one gets a new cookie */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string
            newPassword: string
          }
        }
      }
      responses: {
        /** @description Changed */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Too many failed attempts; see Retry-After */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/tokens': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Your live API tokens (never the tokens themselves) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Tokens, newest first */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['ApiToken'][]
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /** Create a personal API token; send it as `Authorization: Bearer <token>`. Shown only in this answer. */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @example отчёт в Excel */
            name: string
          }
        }
      }
      responses: {
        /** @description The token (acts with your roles until revoked) */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['ApiToken'] & {
              token: string
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/tokens/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Revoke one of your tokens: requests with it answer 401 from now on */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Revoked */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/users': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Users you manage (optionally those with a role in one subtree), by login */
    get: {
      parameters: {
        query?: {
          /** @description Only users with a role here */
          orgUnit?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Users */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['User'][]
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /** Create a user with roles you may give; without a password one is generated and shown once */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @example school42 */
            login: string
            name: string
            password?: string
            roles: {
              role: components['schemas']['Role']
              orgUnit: number | null
            }[]
          }
        }
      }
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              user: components['schemas']['User']
              /** @description The generated password, shown only here */
              generatedPassword: string | null
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/users/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A user you manage */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The user */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['User']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Rename, (de)activate or reset the password of a user you manage; a new password ends the user's sessions */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name?: string
            active?: boolean
            password?: string
            /** @enum {boolean} */
            generatePassword?: true
          }
        }
      }
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              user: components['schemas']['User']
              /** @description The generated password, shown only here */
              generatedPassword: string | null
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    trace?: never
  }
  '/api/users/{id}/roles': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Replace the role assignments of a user you manage (each a role you may give, on your subtree's units) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            roles: {
              role: components['schemas']['Role']
              orgUnit: number | null
            }[]
          }
        }
      }
      responses: {
        /** @description The user */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['User']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/org-units': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The root org units the caller may see: a coordinator gets their municipality, a platform admin every region */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Root org units */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['OrgUnit'][]
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/org-units/search': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Org units the caller may see whose name contains the text, with the names of their ancestors */
    get: {
      parameters: {
        query: {
          q: string
          limit?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Matching org units, shallow first */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': (components['schemas']['OrgUnit'] & {
              pathNames: string[]
            })[]
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/org-units/{id}/children': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Children of an org unit, by name */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Children */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['OrgUnit'][]
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/org-units/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** An org unit with the ancestors the caller may see (breadcrumbs), root first */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The org unit */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['OrgUnit'] & {
              ancestors: components['schemas']['OrgUnit'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/plugins': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The plugins enabled for the region, with their federated UI's remoteEntry */
    get: {
      parameters: {
        query?: {
          /** @description Region (root org unit) id; default the caller's region (a platform admin's: the first) */
          region?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Enabled plugins in navigation order */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Plugin'][]
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/plugins/installed': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Every installed plugin with its status (refused ones with the reason) and whether the region enables it; only the platform admin sees refused plugins */
    get: {
      parameters: {
        query?: {
          /** @description Region (root org unit) id; default the caller's region (a platform admin's: the first) */
          region?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Installed plugins */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['InstalledPlugin'][]
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/regions/{id}/plugins/{plugin}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Enable or disable a plugin for a region (its region admin or a platform admin); its data is kept either way */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
          plugin: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            enabled: boolean
          }
        }
      }
      responses: {
        /** @description The new state */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              plugin: string
              enabled: boolean
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/data-values': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Raw values of one org unit and period (optionally one direction), with the derived elements
     * @description `values` are the stored (entered) values. `derived` lists every derived data element of the direction: where the region's campaign takes it from and, when from the teacher registry, the unit's live counts and the number of people behind them (counts only, never a personal field).
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          plugin?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Values */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              values: components['schemas']['DataValue'][]
              derived: components['schemas']['DerivedEntry'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /**
     * Write a batch of values: one transaction, all or nothing
     * @description A school operator writes into their school, a coordinator into their municipality, a region admin into the region; an analyst never. One value outside the caller's reach refuses the whole batch with 403. A derived element the region's campaign counts from the teacher registry is not entered: 409 `registry_sourced`, naming each such value, and nothing is written.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            values: components['schemas']['DataValueInput'][]
          }
        }
      }
      responses: {
        /** @description Written values with their new versions */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              written: number
              values: {
                orgUnit: number
                period: string
                /** @example deficits.diagnosed */
                element: string
                option: string | null
                value: number | boolean | string | null
                version: number
              }[]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/analytics': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Indicator values for an org unit (or its children) and periods
     * @description Aggregates every data element over each subtree in one query, then evaluates the indicator formulas: a share of a municipality is Σnumerators / Σdenominators of its schools. Breakdown indicators also return one row per option.
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          /** @description Period code(s), e.g. 2024-25; repeatable */
          period?: string[]
          level?: 'self' | 'children'
          /** @description Indicator code(s); repeatable; none = every indicator of the enabled directions */
          indicator?: string[]
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Rows per indicator, org unit, period and option */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              rows: components['schemas']['AnalyticsRow'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/analysis': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * League table of an indicator among a unit's children (or the options of its breakdown)
     * @description Value, target, status, score, rank, change against the previous period and trend, gap to the target in people and each lagging child's part of the shortfall — all from the analytics code path (Σnumerators / Σdenominators).
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          indicator: string
          /** @description An option of the indicator's breakdown: the children's figures for it; `*` = by option */
          option?: string
          /** @description `option`: one row per option of the breakdown for the unit itself */
          by?: 'orgUnit' | 'option'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The league table */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Analysis']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/analysis/trend': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** An indicator's value at a unit over every period */
    get: {
      parameters: {
        query: {
          orgUnit: number
          indicator: string
          option?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Values by period, oldest first */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['AnalysisTrend']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/analysis/export': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The league table as XLSX (Russian headers) */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          indicator: string
          /** @description An option of the indicator's breakdown: the children's figures for it; `*` = by option */
          option?: string
          /** @description `option`: one row per option of the breakdown for the unit itself */
          by?: 'orgUnit' | 'option'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The league table */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/data-quality': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Data-quality flags over the values entered in a unit's subtree for a period (advisory) */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          /** @description missing: required values absent (value = how many, expected = how many required); late: submitted after the monitoring deadline or not by it (value = submission date, expected = deadline); outlier: robust z-score > 3.5 among peers of the same level and kind (expected = peers' median); jump: > 50 % and > 5 from the previous period (expected = previous value); disagreed: the directions' copies of a core element disagreed when merged (value = the largest, kept; expected = the copies) */
          reason?: components['schemas']['QualityReason']
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Flags, missing and late first, by org unit */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['DataQuality']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/data-quality/export': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The same flags as XLSX (Russian headers and reasons) */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          /** @description missing: required values absent (value = how many, expected = how many required); late: submitted after the monitoring deadline or not by it (value = submission date, expected = deadline); outlier: robust z-score > 3.5 among peers of the same level and kind (expected = peers' median); jump: > 50 % and > 5 from the previous period (expected = previous value); disagreed: the directions' copies of a core element disagreed when merged (value = the largest, kept; expected = the copies) */
          reason?: components['schemas']['QualityReason']
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The flags */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/targets': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Targets set on an org unit and inside its subtree (each applies to the unit's whole subtree) */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Targets */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Target'][]
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    /**
     * Set an indicator's target for an org unit and period (value null removes it)
     * @description Region admins set any target in the region; a municipal coordinator sets the municipality's no laxer than the region's (polarity decides) unless the region's target has allowLaxer. Left-out fields are cleared. Audited.
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['TargetWrite']
        }
      }
      responses: {
        /** @description The target, or null when removed */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Target'] | null
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/targets/effective': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The target in force at an org unit and period for every indicator visible there
     * @description Plugin (or local definition) default → region → municipality → organisation: the deepest set target wins.
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Targets in force, one per indicator that has one */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['EffectiveTargets']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/targets/copy': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Copy a period's targets set on a unit and below (where the caller may write) to another period
     * @description One transaction, each copy audited; targets already set in the new period are kept.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['TargetCopy']
        }
      }
      responses: {
        /** @description How many targets were copied, and how many were already set in the new period */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['TargetCopyResult']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/audit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Changes in an org unit's subtree, newest first; with element and period, one value's history */
    get: {
      parameters: {
        query: {
          orgUnit: number
          element?: string
          period?: string
          /** @description Breakdown option; none = the total */
          option?: string
          limit?: number
          /** @description The `next` of the previous page */
          before?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description A page of entries; `next` is the cursor of the following page, null on the last */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              entries: components['schemas']['AuditEntry'][]
              next: number | null
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/definitions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Definitions of the active plugins: dimensions, data elements and indicators (the contract as JSON)
     * @description Generic views (indicator table, entry forms) render any direction from these, without plugin code. Local indicators the caller sees (owned by the unit's ancestors, or inside the caller's subtrees) come under their direction, or under the `local` group; each carries `local: { owner, revision }`.
     */
    get: {
      parameters: {
        query?: {
          /** @description Only the local definitions visible at this unit */
          orgUnit?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Definitions */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              dimensions: {
                code: string
                title: components['schemas']['LocalizedText']
                options: {
                  code: string
                  title: components['schemas']['LocalizedText']
                }[]
              }[]
              plugins: {
                id: string
                title: components['schemas']['LocalizedText']
                dataElements: components['schemas']['DataElement'][]
                indicators: (components['schemas']['Indicator'] & {
                  /** @description Only on local indicators: who owns it and the revision shown */
                  local?: {
                    owner: {
                      id: number
                      name: string
                    }
                    revision: number
                  }
                })[]
                validationRules: components['schemas']['ValidationRule'][]
              }[]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/local-indicators': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Local indicators owned in an org unit's subtree or by its ancestors (a region admin: every municipality's) */
    get: {
      parameters: {
        query: {
          orgUnit: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Local indicators, archived ones included */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              indicators: components['schemas']['LocalIndicator'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /**
     * Define a local indicator of a municipality (coordinator) or region (region admin)
     * @description Formulas are text (`#{code} / #{code}`), checked against the data elements the owner may use. A formula error is a 400 whose detail names the field, the position (0-based) and the unknown code.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            title:
              | string
              | {
                  ru: string
                  en?: string
                }
            description?:
              | string
              | {
                  ru: string
                  en?: string
                }
            /** @enum {string} */
            kind: 'share' | 'count' | 'value' | 'presence' | 'score'
            numerator?: string
            denominator?: string
            formula?: string
            dimension?: string | null
            /** @enum {string} */
            polarity?: 'higher' | 'lower'
            unit?:
              | string
              | {
                  ru: string
                  en?: string
                }
            decimals?: number
            targets?: {
              period?: string
              value: number
              tolerance?: number
            }[]
            scoring?: {
              min?: number
              max?: number
              points: number
            }[]
            /** @description Plugin id to group under; none = local */
            direction?: string | null
            orgUnit: number
            slug?: string
          }
        }
      }
      responses: {
        /** @description The created indicator, revision 1 */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['LocalIndicator']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/local-indicators/{code}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Edit a local indicator: appends a revision valid from a period on (default: the latest period) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            title:
              | string
              | {
                  ru: string
                  en?: string
                }
            description?:
              | string
              | {
                  ru: string
                  en?: string
                }
            /** @enum {string} */
            kind: 'share' | 'count' | 'value' | 'presence' | 'score'
            numerator?: string
            denominator?: string
            formula?: string
            dimension?: string | null
            /** @enum {string} */
            polarity?: 'higher' | 'lower'
            unit?:
              | string
              | {
                  ru: string
                  en?: string
                }
            decimals?: number
            targets?: {
              period?: string
              value: number
              tolerance?: number
            }[]
            scoring?: {
              min?: number
              max?: number
              points: number
            }[]
            /** @description Plugin id to group under; none = local */
            direction?: string | null
            validFrom?: string
          }
        }
      }
      responses: {
        /** @description The indicator with its new revision */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['LocalIndicator']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    /** Archive a local indicator: no longer evaluated; its data and revisions are kept */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The archived indicator */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['LocalIndicator']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/local-indicators/preview': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Evaluate a draft for an org unit and its children in a period, without saving (the editor's preview) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            title?:
              | string
              | {
                  ru: string
                  en?: string
                }
            description?:
              | string
              | {
                  ru: string
                  en?: string
                }
            /** @enum {string} */
            kind: 'share' | 'count' | 'value' | 'presence' | 'score'
            numerator?: string
            denominator?: string
            formula?: string
            dimension?: string | null
            /** @enum {string} */
            polarity?: 'higher' | 'lower'
            unit?:
              | string
              | {
                  ru: string
                  en?: string
                }
            decimals?: number
            targets?: {
              period?: string
              value: number
              tolerance?: number
            }[]
            scoring?: {
              min?: number
              max?: number
              points: number
            }[]
            /** @description Plugin id to group under; none = local */
            direction?: string | null
            orgUnit: number
            period?: string
          }
        }
      }
      responses: {
        /** @description Rows of the unit, then of its children, as analytics would compute them */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              rows: components['schemas']['AnalyticsRow'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/data-elements': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Data elements an org unit's formulas may use: its enabled directions' and the local ones it sees */
    get: {
      parameters: {
        query?: {
          /** @description Default: the caller's unit */
          orgUnit?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Elements */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              elements: components['schemas']['DataElementView'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/local-data-elements': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Define a local data element, collected in the owner's subtree only */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            orgUnit: number
            title:
              | string
              | {
                  ru: string
                  en?: string
                }
            description?:
              | string
              | {
                  ru: string
                  en?: string
                }
            /** @enum {string} */
            valueType: 'integer' | 'number' | 'boolean'
            /** @enum {string} */
            entryLevel?: 'region' | 'municipality' | 'organization'
            /** @enum {string} */
            aggregation?: 'sum' | 'count_true' | 'any' | 'all' | 'min' | 'max'
            dimension?: string | null
            derived?: components['schemas']['DerivedDeclaration']
            slug?: string
            min?: number
            max?: number
            required?: boolean
          }
        }
      }
      responses: {
        /** @description The created element */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['DataElementView']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/local-data-elements/{code}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Change the title, description or bounds of a local data element (type and breakdown stay) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            title?:
              | string
              | {
                  ru: string
                  en?: string
                }
            description?:
              | string
              | {
                  ru: string
                  en?: string
                }
            min?: number
            max?: number
            required?: boolean
          }
        }
      }
      responses: {
        /** @description The element */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['DataElementView']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    /** Archive a local data element: no longer offered or written; its values are kept */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The archived element */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['DataElementView']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/imports/template': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * XLSX template of a direction for an org unit's subtree, current values filled in
     * @description One sheet per entry level, one row per org unit of that level in the subtree, one column per data element × (total and each option), Russian headers, a hidden row of codes, data validation on the value cells.
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          plugin: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The template */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/imports': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Import a filled template: every cell checked first, then one transaction, all or nothing
     * @description Multipart: `file` (XLSX, at most 10 MB), `period`, `plugin`. `ok: false` lists every refused cell and writes nothing. Values go through the same batch write as POST /api/data-values (checks, versions, locks, audit); an empty cell removes an existing value. 413 for a larger file, 415 for a file that is not XLSX.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'multipart/form-data': {
            /** Format: binary */
            file?: string
            period: string
            plugin: string
          }
        }
      }
      responses: {
        /** @description Written (ok) or refused whole with the reasons */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              ok: boolean
              written: number
              errors: components['schemas']['ImportError'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description The file is larger than 10 MB */
        413: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description The file is not an XLSX workbook */
        415: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/exports/values': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A direction's collected values for an org unit's subtree as XLSX (the template's layout) */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          plugin: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The values */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/exports/analytics': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The analytics table (every indicator of the enabled directions) as XLSX */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          level?: 'self' | 'children'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The analytics table */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/evidence': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Evidence documents of an org unit and period, and which required ones are attached */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          indicator?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Documents (newest first) and, per presence indicator, its required documents */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              documents: components['schemas']['EvidenceDocument'][]
              required: {
                indicator: string
                document: string
                title: string
                attached: number
              }[]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /**
     * Attach an evidence document (PDF, DOCX, XLSX, PNG, JPEG; at most 20 MB; type checked on the content) while the data is open
     * @description Documents follow the entry locks of the data: approved data takes none (409 `locked`); submitted data (409 `locked`) and data past the monitoring deadline (403 `deadline_passed`) only from the approving level. Deleting follows the same locks.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'multipart/form-data': {
            /** Format: binary */
            file?: string
            orgUnit: number
            period: string
            indicator: string
            /** @description One of the indicator’s evidence codes */
            document: string
          }
        }
      }
      responses: {
        /** @description Stored */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              document: components['schemas']['EvidenceDocument']
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Larger than 20 MB */
        413: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not a PDF, DOCX, XLSX, PNG or JPEG by its content */
        415: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/evidence/{id}/content': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Download a document */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/octet-stream': string
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/evidence/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Delete a document: its uploader or the approving level, while the data is open (as for uploads) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/campaigns': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A region's deadlines for a period (the seed-004 defaults until the region stores its own) */
    get: {
      parameters: {
        query: {
          region: number
          period: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The campaign */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Campaign']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    /**
     * Set a region's campaign for a period: deadlines, collected directions, entry levels; region admins; audited
     * @description After `monitoringDue` only the approving level (the municipality for its schools, the region for its municipalities) may change data values. `plugins` and `entryLevels` left out stay as they are.
     */
    put: {
      parameters: {
        query: {
          region: number
          period: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Data entry closes after this day (seed 004)
             * @example 2026-01-20
             */
            monitoringDue: string
            /** @example 2026-03-30 */
            analysisDue: string
            /** @example 2026-12-31 */
            measuresDue: string
            /** @example 2027-08-31 */
            effectivenessDue: string
            /**
             * @description The directions collected in the period; null: every direction the region has enabled
             * @example [
             *       "deficits",
             *       "retraining"
             *     ]
             */
            plugins?: string[] | null
            /**
             * @description Data elements whose entry level the region moved from the manifest's (element code → level). Refused while values of the element are stored at another level in the period.
             * @example {
             *       "staffing.vacancies": "municipality"
             *     }
             */
            entryLevels?: {
              [key: string]: 'region' | 'municipality' | 'organization'
            }
          }
        }
      }
      responses: {
        /** @description The stored campaign */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Campaign']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/campaigns/{region}/{period}/element-sources': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Where the region's campaign takes each derived data element from: the teacher registry or entry */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          region: number
          period: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The sources */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['ElementSources']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    /**
     * Choose, per derived data element, registry or entered for the campaign; region admins; audited
     * @description Elements left out keep their choice. Without an enabled registry everything stays entered.
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          region: number
          period: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            sources: {
              [key: string]: 'registry' | 'entered'
            }
          }
        }
      }
      responses: {
        /** @description The sources */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['ElementSources']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/submissions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Entry state of an org unit and of each of its children for a period and direction (completeness) */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          plugin: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description States and counts */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Completeness']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/submissions/{orgUnit}/{period}/{plugin}/submit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Submit the data of an org unit, period and direction
     * @description Draft or returned → submitted, by whoever enters the unit’s data. The data is then locked for the submitter. Audited. 409 when the current state does not allow it.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orgUnit: number
          period: string
          plugin: string
        }
        cookie?: never
      }
      requestBody?: {
        content: {
          'application/json': {
            comment?: string
          }
        }
      }
      responses: {
        /** @description The new state */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Submission']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/submissions/{orgUnit}/{period}/{plugin}/approve': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Approve the data of an org unit, period and direction
     * @description Submitted → approved, by the level above (a municipality for its schools, the region for municipalities). Audited. 409 when the current state does not allow it.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orgUnit: number
          period: string
          plugin: string
        }
        cookie?: never
      }
      requestBody?: {
        content: {
          'application/json': {
            comment?: string
          }
        }
      }
      responses: {
        /** @description The new state */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Submission']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/submissions/{orgUnit}/{period}/{plugin}/return': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Return the data of an org unit, period and direction
     * @description Submitted or approved → returned with a comment (required), by the level above; the data opens again. Audited. 409 when the current state does not allow it.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          orgUnit: number
          period: string
          plugin: string
        }
        cookie?: never
      }
      requestBody?: {
        content: {
          'application/json': {
            comment?: string
          }
        }
      }
      responses: {
        /** @description The new state */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Submission']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/recommendations/generate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Generate draft recommendations from the enabled directions' rules for a subtree and period
     * @description Evaluates every rule of every enabled direction on the analytics of each unit at its levels: one draft per (rule, unit, period) that fires, citing value, target and gap. Re-generating adds what newly fires, marks drafts whose trigger no longer holds as stale, un-stales those that fire again and never rewrites an edited draft. Region admins in the region, coordinators in their municipality.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['GenerateRecommendations']
        }
      }
      responses: {
        /** @description What changed */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['GenerationResult']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/recommendations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Recommendations addressed to an org unit (or its subtree) in a period, as far as the caller sees them
     * @description A school's users see what was published to their school; a municipality or region sees what is addressed in its subtree once published, and drafts generated or written there. A foreign unit is a 403.
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          /** @description teachers, school leadership, methodical support organisations, municipal authority */
          addressee?: components['schemas']['Addressee']
          state?: components['schemas']['RecommendationState']
          plugin?: string
          /** @description Also the units below orgUnit */
          includeDescendants?: 'true' | 'false'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Recommendations */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['RecommendationList']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /** Write a recommendation: one draft per addressed org unit */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['NewRecommendation']
        }
      }
      responses: {
        /** @description The drafts made */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['RecommendationList']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/recommendations/export': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The same list as XLSX (Russian headers), for the print or the minutes */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          /** @description teachers, school leadership, methodical support organisations, municipal authority */
          addressee?: components['schemas']['Addressee']
          state?: components['schemas']['RecommendationState']
          plugin?: string
          /** @description Also the units below orgUnit */
          includeDescendants?: 'true' | 'false'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The recommendations */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/recommendations/bulk-publish': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Publish several drafts, all or nothing (an error names ids[i]) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['BulkPublish']
        }
      }
      responses: {
        /** @description The published recommendations */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['RecommendationList']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/recommendations/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Edit a draft's text, addressee or indicators (marks it edited); 409 unless a draft */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['RecommendationChange']
        }
      }
      responses: {
        /** @description The draft */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Recommendation']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/recommendations/{id}/publish': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Publish a draft to its addressee; 409 unless a draft */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The published recommendation */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Recommendation']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/recommendations/{id}/acknowledge': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Acknowledge a published recommendation, by a user entering data of the addressed unit
     * @description Records the name of who acknowledged and when. An analyst cannot; 409 unless published.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The acknowledged recommendation */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Recommendation']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/recommendations/{id}/withdraw': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Withdraw a draft or a published recommendation, with a reason */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['WithdrawRecommendation']
        }
      }
      responses: {
        /** @description The withdrawn recommendation */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Recommendation']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/conclusions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Written conclusions of an org unit and period (of one direction when given) */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          /** @description Direction: a plugin id or `local` */
          plugin?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Conclusions */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['ConclusionList']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    /**
     * Save the draft of a unit's conclusion for a period and direction (region admins, coordinators)
     * @description The body is a document of paragraphs and lists of plain-text runs (bold, italic); HTML is never stored. `version` is the version read (0 or none for a new one); a newer stored one is a 409 `version_conflict`.
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['ConclusionDraft']
        }
      }
      responses: {
        /** @description The saved draft */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Conclusion']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/conclusions/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A conclusion with its published body and the figures frozen with it */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The conclusion */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Conclusion']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/conclusions/{id}/publish': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Publish a conclusion: its body and the analytics rows of its unit and children are frozen together */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The published conclusion */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Conclusion']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/measure-templates': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Roadmap templates (seed 004) with their items and yearly deadlines */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Templates */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['MeasureTemplates']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/measures': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The measures of an org unit in a period; a foreign unit is a 403 */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          plugin?: string
          /** @description proposed: carried over from the previous period, awaiting confirmation */
          status?: components['schemas']['MeasureStatus']
          overdue?: 'true' | 'false'
          indicator?: string
          /** @description A user id or a part of the name */
          responsible?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Measures */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['MeasureList']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /** Plan a measure of an org unit (region admins in the region, coordinators in their municipality) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['NewMeasure']
        }
      }
      responses: {
        /** @description The measure */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Measure']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/measures/from-template': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Make a template's items measures of a unit and period, due per the region's campaign; idempotent */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['MeasuresFromTemplate']
        }
      }
      responses: {
        /** @description How many were made */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['MeasuresCreated']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/measures/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One measure */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The measure */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Measure']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    /** Change a measure; a done one is locked (409) except reopening it with status in_progress */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['MeasureChange']
        }
      }
      responses: {
        /** @description The measure */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Measure']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    /** Delete a measure with its progress; a done one is locked (409) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/measures/{id}/progress': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A measure's progress entries with their documents, newest first */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Entries */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['MeasureProgressList']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /**
     * Report progress on a measure (also a school's operator on their school's measures)
     * @description JSON `{ date, text }`, or multipart with the same fields and a `file` (PDF, DOCX, XLSX, PNG, JPEG by its content; at most 20 MB) kept with the entry. A done measure takes none (409).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: {
        content: {
          'application/json': components['schemas']['NewMeasureProgress']
          'multipart/form-data': {
            /**
             * Format: date
             * @example 2025-12-31
             */
            date: string
            text: string
            /** Format: binary */
            file?: string
          }
        }
      }
      responses: {
        /** @description The entry */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['MeasureProgress']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Larger than 20 MB */
        413: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not a PDF, DOCX, XLSX, PNG or JPEG by its content */
        415: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/measures/{id}/carry': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Carry a measure into the next period as a proposal (status proposed, linked by carriedFrom); idempotent
     * @description Made from the effectiveness view for a measure that was not effective: a person confirms the proposal by planning it (status planned). Answers 201 with the new proposal, 200 with the existing one.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The proposal made before */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Measure']
          }
        }
        /** @description The proposal */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Measure']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/measure-documents/{id}/content': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Download a progress entry's document */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/octet-stream': string
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/measures/{id}/push-down': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Copy a region's measure to each municipality of the region (linked as parent); idempotent */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description How many copies were made */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              created: number
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/decisions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The management decisions of an org unit, newest first, searchable; a foreign unit is a 403 */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period?: string
          /** @description order (приказ), instruction (распоряжение), letter (письмо), programme_change (изменение муниципальной программы), local_regulation (локальный акт), recommendation (методические рекомендации) */
          kind?: components['schemas']['DecisionKind']
          measure?: number
          indicator?: string
          /** @description Words in the number, title or issuing body */
          q?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Decisions */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['DecisionList']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /**
     * Register a decision (region admins in the region, coordinators in their municipality)
     * @description JSON, or multipart with the JSON fields in `data` and the document (PDF or DOCX by its content, at most 20 MB) in `file`.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: {
        content: {
          'application/json': components['schemas']['NewDecision']
          'multipart/form-data': {
            /** @description The same fields as the JSON body, as JSON text */
            data: string
            /** Format: binary */
            file?: string
          }
        }
      }
      responses: {
        /** @description The decision */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Decision']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Larger than 20 MB */
        413: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not a PDF or DOCX by its content */
        415: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/decisions/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One decision with what it changed: its measures and their indicators before and after */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The decision */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['DecisionWithChanges']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    /** Change a decision; multipart with a `file` replaces its document */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: {
        content: {
          'application/json': components['schemas']['DecisionChange']
          'multipart/form-data': {
            /** @description The same fields as the JSON body, as JSON text */
            data: string
            /** Format: binary */
            file?: string
          }
        }
      }
      responses: {
        /** @description The decision */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Decision']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Larger than 20 MB */
        413: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not a PDF or DOCX by its content */
        415: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    post?: never
    /** Delete a decision with its document */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/decisions/{id}/document': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Download a decision's document (PDF or DOCX) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/octet-stream': string
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/effectiveness': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Effectiveness of a unit's measures of a period, judged on the next period (computed, never typed) */
    get: {
      parameters: {
        query: {
          orgUnit: number
          /** @description The period the measures were taken in */
          period: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Verdicts */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Effectiveness']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/effectiveness/{id}/comment': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * The responsible person's comment on a measure's effectiveness (an empty text removes it)
     * @description `id` is the measure. The verdict itself is computed and cannot be changed.
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['EffectivenessCommentInput']
        }
      }
      responses: {
        /** @description The comment */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              comment: components['schemas']['EffectivenessComment']
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/cycle': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The management cycle at a glance: nine components per direction, present or missing from the records
     * @description goals, indicators, collection (the campaign plan), monitoring (approved submissions of the subtree), analysis (a published conclusion), recommendations (published), measures (planned, with a responsible), decisions (registered) and effectiveness (the previous period's measures, commented). `level=children` adds the same for each child unit: a region sees its municipalities side by side.
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
          level?: 'self' | 'children'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The cycle */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Cycle']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/attention': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * What needs attention in an org unit and period: the next deadline, children not submitted, indicators not met, recommendations awaiting acknowledgement
     * @description Codes and parameters, most urgent first; the shell words them.
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Items, most urgent first */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Attention']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/reports': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A unit's reports (of a period when given), newest first */
    get: {
      parameters: {
        query: {
          orgUnit: number
          period?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Reports */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['ReportList']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /**
     * Orders the analytical report of a unit and period; it is made in the background
     * @description Answers at once with the job: poll `GET /api/reports/{id}` for its progress, then download the file. Whoever reads the unit may order one; audited.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            orgUnit: number
            /** @example 2025-26 */
            period: string
            format: components['schemas']['ReportFormat']
            sections?: components['schemas']['ReportSections']
          }
        }
      }
      responses: {
        /** @description The report is queued */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['ReportQueued']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/reports/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A report's status and progress */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The report */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Report']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/reports/{id}/file': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The finished report (DOCX or PDF) with its Russian file name; 409 while not done */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string
            'application/pdf': string
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/teachers': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * People employed in an org unit's subtree; personal fields only for allowed roles; audited
     * @description An organisation's staff (or a municipality's). Names, birth dates and SNILS are shown to the organisation's operators and its municipal coordinator (to region admins only when the region grants it); others get the records without them (`personal: false`). A foreign unit is a 403. Every read is written to the audit log.
     */
    get: {
      parameters: {
        query: {
          orgUnit: number
          /** @description current: employed on `on`; left: no longer employed there; all */
          state?: 'current' | 'left' | 'all'
          /** @description Reference date of `state` (default today) */
          on?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The people */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['TeacherList']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /** Record a person with their employments (201), or add them to the one the region already has (200) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['NewTeacher']
        }
      }
      responses: {
        /** @description The person the region already had, with the new employments */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Teacher']
          }
        }
        /** @description The new person */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Teacher']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/teachers/template': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** XLSX template of the staff list and events of an organisation (no personal data in it) */
    get: {
      parameters: {
        query: {
          orgUnit: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The template */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/teachers/import': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Import an organisation's staff list and events: all or nothing, errors by sheet, row and column
     * @description Multipart: `file` (the filled template), `orgUnit` (the organisation). People are matched across the region by SNILS or by surname, name, patronymic and birth date. `ok: false` writes nothing.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'multipart/form-data': {
            /** Format: binary */
            file?: string
            orgUnit: number
          }
        }
      }
      responses: {
        /** @description Written (ok) or refused whole with the reasons */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              ok: boolean
              written: number
              errors: components['schemas']['RegistryImportError'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description The file is larger than 10 MB */
        413: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description The file is not an XLSX workbook */
        415: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/teachers/events/import': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Import a region-wide events file (e.g. the regional centre's course completions), matched across the region
     * @description Multipart: `file` (the events sheet of the template), `region`. Region admins. Each row is matched to a person of the region by SNILS or by name and birth date and recorded by the region; rows matching nobody are listed back with what the file itself said. A row wrong in itself refuses the file (`ok: false`, nothing written).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'multipart/form-data': {
            /** Format: binary */
            file?: string
            region: number
          }
        }
      }
      responses: {
        /** @description Matched and written, with the unmatched rows */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              ok: boolean
              matched: number
              unmatched: components['schemas']['UnmatchedEventRow'][]
              errors: components['schemas']['RegistryImportError'][]
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description The file is larger than 10 MB */
        413: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description The file is not an XLSX workbook */
        415: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/teachers/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A person's card (SNILS for allowed roles); audited */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The person */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Teacher']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    /** Change a person (with the version read: 409 when someone changed it meanwhile) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['TeacherChange']
        }
      }
      responses: {
        /** @description The person */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Teacher']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Conflict */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    /** Take a person off your organisations' records (the person goes when no employment remains) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/teachers/{id}/export': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Everything the registry holds on a person, on their request (JSON); personal-data readers only; audited */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The person and their events */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['TeacherExport']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/teachers/{id}/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A person's events, newest first (diagnostics with deficits, ИОМ with steps, …); audited */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The events */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['PersonEventList']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    put?: never
    /** Record an event of a person: a diagnostics with deficits, an ИОМ with its steps, a course, … */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['NewPersonEvent']
        }
      }
      responses: {
        /** @description The event */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['PersonEvent']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/teachers/{id}/events/{eventId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Change an event (its kind stays); steps and deficits are replaced as given */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
          eventId: number
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['PersonEventChange']
        }
      }
      responses: {
        /** @description The event */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['PersonEvent']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    /** Delete an event */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: number
          eventId: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/registry/settings': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A region's registry settings (defaults when never saved) */
    get: {
      parameters: {
        query: {
          region: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The settings */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['RegistrySettings']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    /** Change a region's registry settings (region admins); audited */
    put: {
      parameters: {
        query: {
          region: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': components['schemas']['RegistrySettingsChange']
        }
      }
      responses: {
        /** @description The settings */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['RegistrySettings']
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/registry/anonymise': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Anonymise the people of a region who left more than the retention period ago (region admins) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            region: number
          }
        }
      }
      responses: {
        /** @description How many were anonymised, and the leaving date before which they were */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              anonymised: number
              /** Format: date */
              before: string
            }
          }
        }
        /** @description Invalid input */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not signed in, or the session or token expired */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Outside your org tree, or not allowed to your roles */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Error']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: {
    Period: {
      /** @example 2024-25 */
      code: string
      /** @example 2024/25 учебный год */
      title: string
      startsOn: string
      endsOn: string
    }
    Error: {
      error: {
        /** @example invalid_request */
        code: string
        message: string
        details: ({
          path: string
          message: string
        } & {
          [key: string]: unknown
        })[]
      }
    }
    Me: {
      id: number
      /** @example mun1 */
      login: string
      name: string
      roles: components['schemas']['RoleAssignment'][]
      /** @description Region of the first role's org unit */
      regionId: number | null
    }
    RoleAssignment: {
      role: components['schemas']['Role']
      orgUnit: {
        id: number
        name: string
        level: number
        path: string
      } | null
    }
    /** @enum {string} */
    Role: 'platform_admin' | 'region_admin' | 'municipal_coordinator' | 'school_operator' | 'analyst'
    ApiToken: {
      id: number
      name: string
      createdAt: string
      lastUsedAt: string | null
    }
    User: {
      id: number
      login: string
      name: string
      active: boolean
      roles: components['schemas']['RoleAssignment'][]
      createdAt: string
    }
    OrgUnit: {
      /** @example 5 */
      id: number
      /** @example Берёзовский муниципальный округ */
      name: string
      shortName: string | null
      /** @description 1 region, 2 municipality, 3 organisation */
      level: number
      /** @example municipality */
      kind: string
      /** @example /1/5/ */
      path: string
      parentId: number | null
      childCount: number
    }
    Plugin: {
      /** @example deficits */
      id: string
      version: string
      title: components['schemas']['LocalizedText']
      shortTitle: components['schemas']['LocalizedText'] | null
      description: components['schemas']['LocalizedText'] | null
      order: number
      indicators: number
      dataElements: number
      /** @example /plugins/deficits/remoteEntry.js */
      remoteEntry: string | null
      /**
       * @description Module Federation container name
       * @example profmon_deficits
       */
      remoteName: string | null
      /**
       * @example [
       *       "./View"
       *     ]
       */
      exposes: string[]
    }
    LocalizedText: {
      ru: string
      en?: string
    }
    InstalledPlugin: {
      id: string
      version: string
      title: components['schemas']['LocalizedText']
      /**
       * @description incompatible: the manifest's `contract` range excludes this platform's contract version
       * @enum {string}
       */
      status: 'active' | 'incompatible' | 'invalid'
      error: string | null
      /** @description Whether the region enables it (null without a region) */
      enabled: boolean | null
    }
    DataValue: {
      orgUnit: number
      period: string
      /** @example deficits.diagnosed */
      element: string
      option: string | null
      value: number | boolean | string | null
      version: number
      updatedAt: string | null
      updatedBy: string | null
    }
    DerivedEntry: {
      /** @example deficits.iom_built */
      element: string
      /**
       * @description `registry`: counted from the teacher registry in this campaign, read-only (writes are refused with 409 `registry_sourced`); `entered`: typed like any other element
       * @enum {string}
       */
      source: 'registry' | 'entered'
      /** @description Registry-sourced only: the unit's counts (option null: the total); empty: no data */
      values: {
        option: string | null
        value: number
      }[]
      people: {
        /** @description Distinct people behind the total */
        count: number
        /**
         * @description The shell's staff list of the unit (personal fields only for the roles allowed to see them)
         * @example /teachers?unit=42&period=2025-26
         */
        href: string
      } | null
    }
    DataValueInput: {
      orgUnit: number
      period: string
      element: string
      option?: string | null
      value: number | boolean | string | null
      /** @description The version you read (0 = you expect no value yet). When given, a newer version is a 409 conflict. */
      version?: number
    }
    AnalyticsRow: {
      /** @example deficits.diagnosed_share */
      indicator: string
      orgUnit: number
      /** @example 2024-25 */
      period: string
      /** @description Breakdown option; null for the total */
      option: string | null
      numerator: number | null
      denominator: number | null
      /** @description null = no data (never 0 for missing) */
      value: number | null
      target: number | null
      /** @enum {string|null} */
      status: 'met' | 'partly_met' | 'not_met' | 'no_data' | null
      score: number | null
      /** @description A local indicator's revision that computed this period */
      revision?: number
    }
    Analysis: {
      indicator: string
      indicatorTitle: string
      period: string
      previousPeriod: string | null
      /** @enum {string} */
      by: 'orgUnit' | 'option'
      effectiveGap: number
      parent: components['schemas']['AnalysisRow']
      rows: components['schemas']['AnalysisRow'][]
    }
    /** @description The unit's own figures */
    AnalysisRow: {
      orgUnit: number
      orgUnitName: string
      /** @description Breakdown option; null for the total */
      option: string | null
      optionTitle: string | null
      /** @description null = no data (never 0 for missing) */
      value: number | null
      numerator: number | null
      denominator: number | null
      target: number | null
      /** @enum {string|null} */
      status: 'met' | 'partly_met' | 'not_met' | 'no_data' | null
      score: number | null
      /** @description 1 = best by polarity; null without data */
      rank: number | null
      /** @description The value of the previous period */
      previous: number | null
      change: number | null
      /**
       * @description up/down only when |change| exceeds the target's effective gap; null without a previous value
       * @enum {string|null}
       */
      trend: 'up' | 'down' | 'flat' | null
      /** @description Share: people still missing, ceil(target/100 × Σden) − Σnum (lower is better: Σnum − floor(target/100 × Σden)); count/value: the difference; 0 when met; null without target or data */
      gap: number | null
      /** @description This row's part of the lagging rows' total gap, % (sums to 100) */
      gapShare: number | null
      /** @description Better than the parent's value by polarity */
      aboveParent: boolean | null
    }
    AnalysisTrend: {
      indicator: string
      orgUnit: number
      option: string | null
      points: components['schemas']['TrendPoint'][]
    }
    TrendPoint: {
      period: string
      periodTitle: string
      value: number | null
      numerator: number | null
      denominator: number | null
      target: number | null
      /** @enum {string|null} */
      status: 'met' | 'partly_met' | 'not_met' | 'no_data' | null
      change: number | null
      /**
       * @description up/down only when |change| exceeds the target's effective gap; null without a previous value
       * @enum {string|null}
       */
      trend: 'up' | 'down' | 'flat' | null
    }
    DataQuality: {
      period: string
      previousPeriod: string | null
      counts: {
        missing: number
        late: number
        outlier: number
        jump: number
        disagreed: number
      }
      flags: components['schemas']['QualityFlag'][]
    }
    QualityFlag: {
      orgUnit: number
      orgUnitName: string
      /** @description The direction, for the entry form: /entry?unit=…&period=…&plugin=… */
      plugin: string
      /** @description null for a whole direction (missing, late) */
      dataElement: string | null
      elementTitle: string | null
      option: string | null
      value: number | string | null
      reason: components['schemas']['QualityReason']
      expected: number | string | null
    }
    /**
     * @description missing: required values absent (value = how many, expected = how many required); late: submitted after the monitoring deadline or not by it (value = submission date, expected = deadline); outlier: robust z-score > 3.5 among peers of the same level and kind (expected = peers' median); jump: > 50 % and > 5 from the previous period (expected = previous value); disagreed: the directions' copies of a core element disagreed when merged (value = the largest, kept; expected = the copies)
     * @enum {string}
     */
    QualityReason: 'missing' | 'late' | 'outlier' | 'jump' | 'disagreed'
    Target: {
      /** @example deficits.diagnosed_share */
      indicator: string
      /** @example 2025-26 */
      period: string
      orgUnit: number
      value: number
      tolerance: number | null
      scoreBands: components['schemas']['ScoreBand'][] | null
      /** @description The smallest change that counts as a move; null = the indicator's default */
      effectiveGap: number | null
      /** @description On a region's target: municipalities may set laxer ones */
      allowLaxer: boolean
      source: components['schemas']['TargetSource']
    }
    /**
     * @example {
     *       "min": 30,
     *       "max": null,
     *       "score": 2
     *     }
     */
    ScoreBand: {
      /** @description Inclusive; null = open below (first band only) */
      min: number | null
      /** @description Exclusive; null = open above (last band only) */
      max: number | null
      score: number
    }
    /**
     * @description Where the target comes from: the indicator's definition (plugin manifest or local definition) or a unit of that level
     * @enum {string}
     */
    TargetSource: 'plugin' | 'region' | 'municipality' | 'organization'
    EffectiveTargets: {
      targets: components['schemas']['EffectiveTarget'][]
    }
    EffectiveTarget: {
      /** @example deficits.diagnosed_share */
      indicator: string
      value: number
      tolerance: number | null
      scoreBands: components['schemas']['ScoreBand'][] | null
      /** @description Resolved: 1 p.p. for a share, 0 otherwise, unless a target sets it */
      effectiveGap: number
      source: components['schemas']['TargetSource']
      /** @description The unit whose target is in force; null for the definition's */
      sourceOrgUnit: number | null
      allowLaxer: boolean
    }
    TargetWrite: {
      indicator: string
      period: string
      orgUnit: number
      value: number | null
      tolerance?: number | null
      scoreBands?: components['schemas']['ScoreBand'][] | null
      effectiveGap?: number | null
      allowLaxer?: boolean
    }
    TargetCopyResult: {
      copied: number
      kept: number
    }
    TargetCopy: {
      orgUnit: number
      /** @example 2024-25 */
      from: string
      /** @example 2025-26 */
      to: string
    }
    AuditEntry: {
      id: number
      at: string
      /** @example school1 */
      actor: string
      /** @example update */
      action: string
      /** @example data_value */
      entity: string
      /** @example deficits.diagnosed||42|2025-26 */
      key: string
      orgUnit: number | null
      old?: unknown
      new?: unknown
    }
    /** @description A data element of a plugin manifest or a local one */
    DataElement: {
      code: string
      title: {
        ru: string
        en?: string
      }
      description?: {
        ru: string
        en?: string
      }
      /** @enum {string} */
      valueType: 'integer' | 'number' | 'boolean' | 'text' | 'document'
      /**
       * @default organization
       * @enum {string}
       */
      entryLevel: 'region' | 'municipality' | 'organization'
      /**
       * @default sum
       * @enum {string}
       */
      aggregation: 'sum' | 'count_true' | 'any' | 'all' | 'min' | 'max'
      min?: number
      max?: number
      /** @default false */
      required: boolean
      dimension?: string
      demo?: {
        of?: string
        share?: [number, number]
        range?: [number, number]
        chance?: number
        trend?: number
        /** @enum {string} */
        split?: 'partition' | 'subsets'
      }
      derived?: {
        /** @enum {string} */
        count: 'people' | 'events'
        /** @enum {string} */
        event?:
          | 'diagnostics'
          | 'iom'
          | 'course'
          | 'retraining'
          | 'mentoring'
          | 'expert_role'
          | 'membership'
          | 'contest'
          | 'attestation'
        filter?: string
        breakdown?: string
      }
    }
    /** @description An indicator of a plugin manifest or a local one */
    Indicator: {
      code: string
      title: {
        ru: string
        en?: string
      }
      shortTitle?: {
        ru: string
        en?: string
      }
      description?: {
        ru: string
        en?: string
      }
      /** @enum {string} */
      kind: 'share' | 'count' | 'value' | 'presence' | 'score'
      numerator?: string
      denominator?: string
      formula?: string
      dimension?: string
      /**
       * @default higher
       * @enum {string}
       */
      polarity: 'higher' | 'lower'
      unit?: {
        ru: string
        en?: string
      }
      /** @default 1 */
      decimals: number
      /** @default [] */
      targets: {
        period?: string
        value: number
        tolerance?: number
      }[]
      scoring?: {
        min?: number
        max?: number
        points: number
      }[]
      /** @default [] */
      evidence: {
        code: string
        title: {
          ru: string
          en?: string
        }
      }[]
      source?: {
        ru: string
        en?: string
      }
      /**
       * @default [
       *       "region",
       *       "municipality",
       *       "organization"
       *     ]
       */
      levels: ('region' | 'municipality' | 'organization')[]
      /** @default [] */
      seeds: string[]
    }
    /** @description A validation rule of a plugin manifest */
    ValidationRule: {
      code: string
      left: string
      /** @enum {string} */
      operator: '<' | '<=' | '==' | '!=' | '>=' | '>'
      right: string
      message: {
        ru: string
        en?: string
      }
      /** @default false */
      perOption: boolean
    }
    LocalIndicator: {
      /** @example local.5.dolya_nastavnikov */
      code: string
      title: {
        ru: string
        en?: string
      }
      kind: string
      direction: string | null
      owner: components['schemas']['LocalOwner']
      /** @description Whether the caller may revise or archive it */
      editable: boolean
      revision: number
      validFrom: string | null
      archived: boolean
      /** @description The newest revision: passes the manifests' indicator schema */
      definition: components['schemas']['Indicator']
      revisions: {
        revision: number
        validFrom: string | null
        author: string
        at: string
      }[]
      usage: {
        /** @description Org units of the owner's subtree with data for its elements */
        orgUnits: number
      }
    }
    LocalOwner: {
      id: number
      name: string
      level: number
    }
    DataElementView: {
      /** @example core.teachers_total */
      code: string
      title: {
        ru: string
        en?: string
      }
      valueType: string
      aggregation: string
      entryLevel: string
      dimension: string | null
      min: number | null
      max: number | null
      derived: components['schemas']['DerivedDeclaration']
      /** @description null for a local element */
      plugin: string | null
      /** @description The org unit owning a local element */
      owner: components['schemas']['LocalOwner'] | null
      archived: boolean
    }
    /** @description How the element is counted from the teacher registry */
    DerivedDeclaration: {
      /** @enum {string} */
      count: 'people' | 'events'
      /** @enum {string} */
      event?:
        | 'diagnostics'
        | 'iom'
        | 'course'
        | 'retraining'
        | 'mentoring'
        | 'expert_role'
        | 'membership'
        | 'contest'
        | 'attestation'
      /** @example age < 35 and category == "highest" */
      filter?: string
      /** @example subject */
      breakdown?: string
    } | null
    ImportError: {
      sheet: string
      /** @example Школа № 1 (строка 5) */
      row: string
      /** @example Количество педагогов — Математика (D) */
      column: string
      message: string
      /** @example D5 */
      cell: string
    }
    EvidenceDocument: {
      id: number
      orgUnit: number
      period: string
      /** @example deficits.analysis_presence */
      indicator: string
      /** @example deficits.analysis_report */
      document: string
      /** @description The required document’s title (Russian) */
      title: string
      fileName: string
      mime: string
      size: number
      uploadedBy: string
      uploadedAt: string
    }
    Campaign: {
      /**
       * @description Data entry closes after this day (seed 004)
       * @example 2026-01-20
       */
      monitoringDue: string
      /** @example 2026-03-30 */
      analysisDue: string
      /** @example 2026-12-31 */
      measuresDue: string
      /** @example 2027-08-31 */
      effectivenessDue: string
      /**
       * @description The directions collected in the period; null: every direction the region has enabled
       * @example [
       *       "deficits",
       *       "retraining"
       *     ]
       */
      plugins: string[] | null
      /**
       * @description Data elements whose entry level the region moved from the manifest's (element code → level). Refused while values of the element are stored at another level in the period.
       * @example {
       *       "staffing.vacancies": "municipality"
       *     }
       */
      entryLevels: {
        [key: string]: 'region' | 'municipality' | 'organization'
      }
      region: number
      period: string
      /** @description false: nothing stored yet, the seed-004 defaults are shown */
      stored: boolean
    }
    ElementSources: {
      region: number
      period: string
      /** @description false: the region keeps no teacher registry, so every element is entered */
      registryEnabled: boolean
      /**
       * @description Every derived data element: `registry` (counted from the teacher registry) unless set to `entered`
       * @example {
       *       "core.teachers_total": "registry",
       *       "deficits.iom_built": "entered"
       *     }
       */
      sources: {
        [key: string]: 'registry' | 'entered'
      }
    }
    Completeness: {
      self: components['schemas']['Submission']
      children: (components['schemas']['Submission'] & {
        name: string
        values: number
      })[]
      counts: {
        total: number
        draft: number
        submitted: number
        approved: number
        returned: number
        /** @description drafts + returned */
        notSubmitted: number
      }
    }
    Submission: {
      orgUnit: number
      period: string
      plugin: string
      /** @enum {string} */
      state: 'draft' | 'submitted' | 'approved' | 'returned'
      /** @description Why it was last returned */
      comment: string | null
      updatedAt: string | null
      updatedBy: string | null
    }
    GenerationResult: {
      created: number
      updated: number
      stale: number
    }
    GenerateRecommendations: {
      orgUnit: number
      /** @example 2025-26 */
      period: string
    }
    RecommendationList: {
      items: components['schemas']['Recommendation'][]
    }
    Recommendation: {
      id: number
      /** @description The addressed org unit */
      orgUnit: number
      orgUnitName: string
      /** @description The unit that generated or wrote it */
      ownerOrgUnit: number
      /** @example 2025-26 */
      period: string
      addressee: components['schemas']['Addressee']
      /** @description Direction (plugin id or local) */
      plugin: string | null
      /**
       * @description The first cited indicator
       * @example deficits.diagnosed_share
       */
      indicator: string | null
      indicators: string[]
      /** @description The manifest rule of a generated one */
      rule: string | null
      text: string
      state: components['schemas']['RecommendationState']
      /** @description A generated draft whose trigger no longer holds */
      stale: boolean
      /** @description Changed by a person: re-generation keeps the text */
      edited: boolean
      /** @enum {string} */
      source: 'generated' | 'authored'
      createdBy: string
      /** Format: date-time */
      createdAt: string
      publishedBy: string | null
      /** Format: date-time */
      publishedAt: string | null
      /** @description Name of who acknowledged it */
      acknowledgedBy: string | null
      /** Format: date-time */
      acknowledgedAt: string | null
      withdrawnReason: string | null
      /** @description Org units it is addressed to */
      targets: number[]
      figures: components['schemas']['RecommendationFigures']
    }
    /**
     * @description teachers, school leadership, methodical support organisations, municipal authority
     * @enum {string}
     */
    Addressee: 'teachers' | 'school_leadership' | 'methodical_support' | 'municipal_authority'
    /** @enum {string} */
    RecommendationState: 'draft' | 'published' | 'acknowledged' | 'withdrawn'
    /** @description What triggered a generated one, when last generated */
    RecommendationFigures: {
      indicator: string
      value: number | null
      target: number | null
      status: string | null
      numerator: number | null
      denominator: number | null
      /** @description People for a share, else the indicator unit */
      gap: number | null
    } | null
    NewRecommendation: {
      period: string
      addressee: components['schemas']['Addressee']
      orgUnits: number[]
      text: string
      indicators?: string[]
      plugin?: string
    }
    BulkPublish: {
      ids: number[]
    }
    RecommendationChange: {
      text?: string
      addressee?: components['schemas']['Addressee']
      indicators?: string[]
    }
    WithdrawRecommendation: {
      reason: string
    }
    ConclusionList: {
      items: components['schemas']['Conclusion'][]
    }
    Conclusion: {
      id: number
      orgUnit: number
      /** @example 2025-26 */
      period: string
      plugin: string
      body: components['schemas']['RichText']
      /** @description Send it back with the next save */
      version: number
      updatedBy: string
      /** Format: date-time */
      updatedAt: string
      published: {
        version: number
        /** Format: date-time */
        at: string
        by: string
        body: components['schemas']['RichText']
        /** @description The analytics rows as they were when published */
        figures: components['schemas']['AnalyticsRow'][]
      } | null
    }
    RichText: {
      blocks: (components['schemas']['Paragraph'] | components['schemas']['ListBlock'])[]
    }
    Paragraph: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      type: 'paragraph'
      runs: components['schemas']['TextRun'][]
    }
    TextRun: {
      text: string
      bold?: boolean
      italic?: boolean
    }
    ListBlock: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      type: 'list'
      ordered: boolean
      items: {
        runs: components['schemas']['TextRun'][]
      }[]
    }
    ConclusionDraft: {
      orgUnit: number
      period: string
      /**
       * @description Direction: a plugin id or `local`
       * @example deficits
       */
      plugin: string
      body: components['schemas']['RichText']
      version?: number
    }
    MeasureTemplates: {
      templates: {
        /** @example seed-004 */
        code: string
        title: string
        items: {
          code: string
          /** @enum {string} */
          group: 'goals' | 'indicators' | 'monitoring' | 'analysis' | 'measures' | 'decisions' | 'effectiveness'
          title: string
          /** @description Day and month in the year the period ends, plus yearOffset */
          deadline: {
            month: number
            day: number
            yearOffset: number
          }
          /** @description The deadline as the seed words it */
          seedDeadline: string
          /**
           * @description The region's campaign deadline it follows, if any
           * @enum {string|null}
           */
          campaign: 'monitoringDue' | 'analysisDue' | 'measuresDue' | 'effectivenessDue' | null
        }[]
      }[]
    }
    MeasureList: {
      items: components['schemas']['Measure'][]
    }
    Measure: {
      id: number
      orgUnit: number
      orgUnitName: string
      /** @example 2025-26 */
      period: string
      title: string
      description: string
      /** @description Direction (plugin id or local) */
      plugin: string | null
      indicators: string[]
      recommendations: number[]
      responsible: components['schemas']['MeasureResponsible']
      /** Format: date */
      startsOn: string
      /** Format: date */
      dueOn: string
      status: components['schemas']['MeasureStatus']
      /** @description Due before today and neither done nor cancelled */
      overdue: boolean
      expected: {
        [key: string]: number
      }
      /** @description How many progress entries it has */
      progress: number
      /** @description The region's measure it was pushed down from */
      parent: number | null
      /** @description The roadmap template item it was made from */
      template: string | null
      /** @description The previous period's measure it was carried over from */
      carriedFrom: number | null
    }
    MeasureResponsible: {
      name: string | null
      position: string | null
      user: number | null
    }
    /**
     * @description proposed: carried over from the previous period, awaiting confirmation
     * @enum {string}
     */
    MeasureStatus: 'proposed' | 'planned' | 'in_progress' | 'done' | 'cancelled'
    NewMeasure: {
      orgUnit: number
      period: string
      title: string
      description?: string
      plugin?: string | null
      indicators?: string[]
      recommendations?: number[]
      responsible?: {
        name?: string | null
        position?: string | null
        user?: number | null
      }
      /**
       * Format: date
       * @example 2025-12-31
       */
      startsOn: string
      /**
       * Format: date
       * @example 2025-12-31
       */
      dueOn: string
      status?: components['schemas']['MeasureStatus']
      /** @description Expected value per linked indicator code; defaults to the target of the next period */
      expected?: {
        [key: string]: number
      }
    }
    MeasuresCreated: {
      created: number
    }
    MeasuresFromTemplate: {
      orgUnit: number
      period: string
      template: string
    }
    MeasureChange: {
      title?: string
      description?: string
      plugin?: string | null
      indicators?: string[]
      recommendations?: number[]
      responsible?: {
        name?: string | null
        position?: string | null
        user?: number | null
      }
      /**
       * Format: date
       * @example 2025-12-31
       */
      startsOn?: string
      /**
       * Format: date
       * @example 2025-12-31
       */
      dueOn?: string
      status?: components['schemas']['MeasureStatus']
      /** @description Expected value per linked indicator code; defaults to the target of the next period */
      expected?: {
        [key: string]: number
      }
    }
    MeasureProgress: {
      id: number
      measure: number
      /** Format: date */
      date: string
      text: string
      author: string
      /** Format: date-time */
      at: string
      documents: components['schemas']['MeasureDocument'][]
    }
    MeasureDocument: {
      id: number
      fileName: string
      mime: string
      size: number
    }
    NewMeasureProgress: {
      /**
       * Format: date
       * @example 2025-12-31
       */
      date: string
      text: string
    }
    MeasureProgressList: {
      items: components['schemas']['MeasureProgress'][]
    }
    DecisionList: {
      items: components['schemas']['Decision'][]
    }
    Decision: {
      id: number
      orgUnit: number
      orgUnitName: string
      /** @example 2024-25 */
      period: string
      kind: components['schemas']['DecisionKind']
      /** @example 112-од */
      number: string
      /** Format: date */
      date: string
      title: string
      /**
       * @description The issuing body
       * @example Управление образования
       */
      issuer: string
      measures: number[]
      indicators: string[]
      recommendations: number[]
      document: components['schemas']['DecisionDocument']
      createdBy: string
      /** Format: date-time */
      createdAt: string
    }
    /**
     * @description order (приказ), instruction (распоряжение), letter (письмо), programme_change (изменение муниципальной программы), local_regulation (локальный акт), recommendation (методические рекомендации)
     * @enum {string}
     */
    DecisionKind: 'order' | 'instruction' | 'letter' | 'programme_change' | 'local_regulation' | 'recommendation'
    DecisionDocument: {
      fileName: string
      mime: string
      size: number
    } | null
    NewDecision: {
      orgUnit: number
      period: string
      kind: components['schemas']['DecisionKind']
      number: string
      /**
       * Format: date
       * @example 2025-02-14
       */
      date: string
      title: string
      issuer: string
      measures?: number[]
      indicators?: string[]
      recommendations?: number[]
    }
    DecisionWithChanges: components['schemas']['Decision'] & {
      changes: components['schemas']['DecisionChanges']
    }
    DecisionChanges: {
      measures: components['schemas']['MeasureEffect'][]
      indicators: components['schemas']['DecisionIndicatorChange'][]
    }
    MeasureEffect: {
      id: number
      orgUnit: number
      orgUnitName: string
      title: string
      plugin: string | null
      /** @enum {string} */
      status: 'proposed' | 'planned' | 'in_progress' | 'done' | 'cancelled'
      responsible: {
        name: string | null
        position: string | null
        user: number | null
      }
      verdict: components['schemas']['Verdict']
      indicators: components['schemas']['IndicatorEffect'][]
      comment: components['schemas']['EffectivenessComment']
      decisions: components['schemas']['DecisionRef'][]
      /** @description The proposal made from it in the next period */
      carriedTo: number | null
    }
    /**
     * @description effective: reached the expected value or moved towards it by more than the effective gap; partly: moved the right way by no more than that; not_effective: no move or the wrong way; no_data: a value is missing
     * @enum {string}
     */
    Verdict: 'effective' | 'partly' | 'not_effective' | 'no_data'
    IndicatorEffect: {
      indicator: string
      title: string
      plugin: string
      /** @enum {string} */
      polarity: 'higher' | 'lower'
      /** @description The value at period t, when the measure was taken */
      baseline: number | null
      /** @description The value at period t+1 */
      after: number | null
      expected: number | null
      change: number | null
      effectiveGap: number
      verdict: components['schemas']['Verdict']
    }
    EffectivenessComment: {
      text: string
      author: string
      /** Format: date-time */
      at: string
    } | null
    DecisionRef: {
      id: number
      kind: string
      number: string
      date: string
      title: string
    }
    DecisionIndicatorChange: {
      indicator: string
      title: string
      before: number | null
      after: number | null
      change: number | null
    }
    DecisionChange: {
      kind?: components['schemas']['DecisionKind']
      number?: string
      /**
       * Format: date
       * @example 2025-02-14
       */
      date?: string
      title?: string
      issuer?: string
      measures?: number[]
      indicators?: string[]
      recommendations?: number[]
    }
    Effectiveness: {
      orgUnit: number
      period: string
      nextPeriod: string | null
      measures: components['schemas']['MeasureEffect'][]
      summary: {
        total: components['schemas']['VerdictCounts']
        byPlugin: components['schemas']['EffectByPlugin'][]
        children: components['schemas']['EffectByUnit'][]
      }
      proposals: {
        indicators: components['schemas']['GoalProposal'][]
      }
    }
    VerdictCounts: {
      effective: number
      partly: number
      not_effective: number
      no_data: number
    }
    EffectByPlugin: {
      plugin: string | null
      counts: components['schemas']['VerdictCounts']
      decisions: number
    }
    EffectByUnit: {
      orgUnit: number
      orgUnitName: string
      counts: components['schemas']['VerdictCounts']
    }
    GoalProposal: {
      indicator: string
      title: string
      plugin: string
      value: number | null
      target: number | null
      /** @enum {string} */
      status: 'not_met'
    }
    EffectivenessCommentInput: {
      text: string
    }
    Cycle: {
      orgUnit: number
      orgUnitName: string
      period: string
      directions: components['schemas']['CycleDirection'][]
      score: number
      children?: components['schemas']['CycleChild'][]
    }
    CycleDirection: {
      plugin: string
      components: components['schemas']['CycleComponent'][]
      /** @description Present components, percent of the nine */
      score: number
    }
    CycleComponent: {
      /** @enum {string} */
      component:
        | 'goals'
        | 'indicators'
        | 'collection'
        | 'monitoring'
        | 'analysis'
        | 'recommendations'
        | 'measures'
        | 'decisions'
        | 'effectiveness'
      present: boolean
      evidence: components['schemas']['CycleEvidence']
    }
    CycleEvidence: {
      /** @description Records behind the component */
      count: number
      /** @description How many were expected, where that is known */
      of: number | null
      /** @description The shell page that shows the records */
      href: string
    }
    CycleChild: {
      orgUnit: number
      orgUnitName: string
      directions: components['schemas']['CycleDirection'][]
      score: number
    }
    Attention: {
      items: components['schemas']['AttentionItem'][]
    }
    AttentionItem: {
      /** @enum {string} */
      kind:
        | 'deadline'
        | 'not_submitted'
        | 'indicator_not_met'
        | 'recommendations_to_acknowledge'
        | 'recommendations_unacknowledged'
        | 'data_quality'
        | 'measures_due'
        | 'measures_overdue'
        | 'deadline_passed'
      /** @enum {string} */
      severity: 'high' | 'medium' | 'low'
      /**
       * @description Message code the shell words
       * @example attention.deadline
       */
      title: string
      /**
       * @description Parameters of the message
       * @example {
       *       "stage": "monitoring",
       *       "daysLeft": 3
       *     }
       */
      detail: {
        [key: string]: string | number | null
      }
      /** @example /entry?unit=5&period=2025-26 */
      link: string
      /** @description ISO date of a deadline */
      due?: string
    }
    ReportQueued: {
      id: number
      status: components['schemas']['ReportStatus']
    }
    /** @enum {string} */
    ReportStatus: 'queued' | 'running' | 'done' | 'failed'
    /** @enum {string} */
    ReportFormat: 'docx' | 'pdf'
    ReportSections: {
      /** @description Directions to include (plugin ids, `local`); none = every enabled one */
      plugins?: string[]
      /** @description Sources of information and data completeness (default on) */
      appendix?: boolean
      /**
       * @description Child units: one comparison table (`compact`, default), a chapter each (`sections`) or none
       * @enum {string}
       */
      children?: 'compact' | 'sections' | 'none'
    }
    ReportList: {
      items: components['schemas']['Report'][]
    }
    Report: {
      id: number
      orgUnit: number
      orgUnitName: string
      /** @example 2025-26 */
      period: string
      periodTitle: string
      format: components['schemas']['ReportFormat']
      sections: components['schemas']['ReportSections']
      status: components['schemas']['ReportStatus']
      /** @description Sections done of all (total 0 until the job starts); the section in work */
      progress: {
        done: number
        total: number
        section: string | null
      }
      /** @description Why the job failed */
      error: string | null
      /** @description Bytes of the finished file */
      size: number | null
      fileName: string | null
      requestedBy: string
      /** Format: date-time */
      requestedAt: string
      /** Format: date-time */
      finishedAt: string | null
    }
    TeacherList: {
      personal: boolean
      items: components['schemas']['Teacher'][]
    }
    Teacher: {
      id: number
      /** @description Personal data: present only for callers allowed to see it */
      surname?: string
      name?: string
      patronymic?: string | null
      /** Format: date */
      birthDate?: string
      /**
       * @description On a card, for callers allowed to see personal data
       * @example 112-233-445 95
       */
      snils?: string | null
      hasSnils: boolean
      education: components['schemas']['Education']
      /**
       * Format: date
       * @description Start of pedagogical experience
       */
      experienceSince: string | null
      category: components['schemas']['QualificationCategory']
      /** Format: date */
      categoryOn: string | null
      managementReserve: boolean
      /**
       * @description Codes of the `subject` dimension
       * @example [
       *       "math"
       *     ]
       */
      subjects: string[]
      /** @description Only in units of the caller's tree */
      employments: components['schemas']['Employment'][]
      anonymised: boolean
      version: number
    }
    /** @enum {string|null} */
    Education: 'higher_pedagogical' | 'higher_other' | 'secondary_pedagogical' | 'secondary_other' | null
    /** @enum {string} */
    QualificationCategory: 'none' | 'first' | 'highest'
    Employment: {
      id: number
      orgUnit: number
      orgUnitName: string
      position: components['schemas']['Position']
      /** @example 1 */
      rate: number
      /** @description Main place of work (else part-time) */
      main: boolean
      /** Format: date */
      startsOn: string
      /** Format: date */
      endsOn: string | null
    }
    /** @enum {string} */
    Position: 'teacher' | 'head' | 'deputy_head' | 'methodist' | 'educator' | 'other'
    NewTeacher: {
      surname: string
      name: string
      patronymic?: string | null
      /**
       * Format: date
       * @example 2024-09-01
       */
      birthDate: string
      /**
       * @description 11 digits, dashes and spaces allowed; checksum-validated
       * @example 112-233-445 95
       */
      snils?: string | null
      education?: components['schemas']['Education']
      /**
       * Format: date
       * @example 2024-09-01
       */
      experienceSince?: string | null
      category?: components['schemas']['QualificationCategory']
      /**
       * Format: date
       * @example 2024-09-01
       */
      categoryOn?: string | null
      managementReserve?: boolean
      subjects?: string[]
      employments: components['schemas']['EmploymentInput'][]
    }
    EmploymentInput: {
      orgUnit: number
      position: components['schemas']['Position']
      rate?: number
      main?: boolean
      /**
       * Format: date
       * @example 2024-09-01
       */
      startsOn: string
      /**
       * Format: date
       * @example 2024-09-01
       */
      endsOn?: string | null
    }
    RegistryImportError: {
      /** @example Сотрудники */
      sheet: string
      /** @example 5 */
      row: number | null
      /** @example СНИЛС (E) */
      column: string
      /** @example неверная контрольная сумма СНИЛС */
      message: string
    }
    UnmatchedEventRow: {
      sheet: string
      row: number
      /** @enum {string} */
      reason: 'not_found' | 'ambiguous' | 'snils_conflict'
      surname: string | null
      name: string | null
      patronymic: string | null
      birthDate: string | null
      snils: string | null
    }
    TeacherChange: {
      version: number
      surname?: string
      name?: string
      patronymic?: string | null
      /**
       * Format: date
       * @example 2024-09-01
       */
      birthDate?: string
      /**
       * @description 11 digits, dashes and spaces allowed; checksum-validated
       * @example 112-233-445 95
       */
      snils?: string | null
      education?: components['schemas']['Education']
      /**
       * Format: date
       * @example 2024-09-01
       */
      experienceSince?: string | null
      category?: components['schemas']['QualificationCategory']
      /**
       * Format: date
       * @example 2024-09-01
       */
      categoryOn?: string | null
      managementReserve?: boolean
      subjects?: string[]
      /** @description Replaces the employments in the organisations where you keep records; others stay */
      employments?: components['schemas']['EmploymentInput'][]
    }
    TeacherExport: {
      exportedAt: string
      exportedBy: string
      person: components['schemas']['Teacher']
      events: components['schemas']['PersonEvent'][]
    }
    PersonEvent: {
      id: number
      person: number
      kind: components['schemas']['PersonEventKind']
      /** Format: date */
      occurredOn: string
      completedOn: string | null
      /** @description The diagnostics an ИОМ or course is built on */
      basedOn: number | null
      /** @description By kind: diagnostics { instrument? }; iom { title? }; course { title, provider: cnppm|federal|other, hours?, distance? }; retraining { pedagogical, provider? }; mentoring { role: mentor|mentee, partner_id?, programme? }; expert_role { role: gia_commission|contest_jury|course_expertise }; membership { kind: methodical_asset|network_community, name }; contest { level: municipal|regional|federal, result: participant|winner, name? }; attestation { category: none|first|highest } */
      details: {
        [key: string]: unknown
      }
      /** @description Diagnostics: codes of the `deficit_type` dimension */
      deficits: string[]
      steps: components['schemas']['IomStep'][]
      /** @description The unit that recorded it; null when outside the caller's tree (e.g. the region) */
      orgUnit: number | null
      createdBy: string | null
      createdAt: string
    }
    /** @enum {string} */
    PersonEventKind:
      | 'diagnostics'
      | 'iom'
      | 'course'
      | 'retraining'
      | 'mentoring'
      | 'expert_role'
      | 'membership'
      | 'contest'
      | 'attestation'
    IomStep: {
      id: number
      /** @enum {string} */
      kind: 'course' | 'mentoring' | 'methodical_event' | 'internship' | 'other'
      title: string
      dueOn: string | null
      completedOn: string | null
    }
    PersonEventList: {
      items: components['schemas']['PersonEvent'][]
    }
    NewPersonEvent: {
      kind: components['schemas']['PersonEventKind']
      /**
       * Format: date
       * @example 2024-09-01
       */
      occurredOn: string
      /**
       * Format: date
       * @example 2024-09-01
       */
      completedOn?: string | null
      basedOn?: number | null
      /** @description By kind: diagnostics { instrument? }; iom { title? }; course { title, provider: cnppm|federal|other, hours?, distance? }; retraining { pedagogical, provider? }; mentoring { role: mentor|mentee, partner_id?, programme? }; expert_role { role: gia_commission|contest_jury|course_expertise }; membership { kind: methodical_asset|network_community, name }; contest { level: municipal|regional|federal, result: participant|winner, name? }; attestation { category: none|first|highest } */
      details?: {
        [key: string]: unknown
      }
      deficits?: string[]
      steps?: components['schemas']['IomStepInput'][]
      /** @description The recording organisation (one of the person's); default the first where you keep records */
      orgUnit?: number
    }
    IomStepInput: {
      /** @enum {string} */
      kind: 'course' | 'mentoring' | 'methodical_event' | 'internship' | 'other'
      title: string
      /**
       * Format: date
       * @example 2024-09-01
       */
      dueOn?: string | null
      /**
       * Format: date
       * @example 2024-09-01
       */
      completedOn?: string | null
    }
    PersonEventChange: {
      /**
       * Format: date
       * @example 2024-09-01
       */
      occurredOn: string
      /**
       * Format: date
       * @example 2024-09-01
       */
      completedOn?: string | null
      basedOn?: number | null
      /** @description By kind: diagnostics { instrument? }; iom { title? }; course { title, provider: cnppm|federal|other, hours?, distance? }; retraining { pedagogical, provider? }; mentoring { role: mentor|mentee, partner_id?, programme? }; expert_role { role: gia_commission|contest_jury|course_expertise }; membership { kind: methodical_asset|network_community, name }; contest { level: municipal|regional|federal, result: participant|winner, name? }; attestation { category: none|first|highest } */
      details?: {
        [key: string]: unknown
      }
      deficits?: string[]
      steps?: components['schemas']['IomStepInput'][]
    }
    RegistrySettings: {
      region: number
      /** @description The region keeps a registry (derived elements may count from it) */
      enabled: boolean
      /** @example 36 */
      retentionMonths: number
      /** @description The region's admins may read personal data */
      regionAdminRead: boolean
    }
    RegistrySettingsChange: {
      enabled?: boolean
      retentionMonths?: number
      regionAdminRead?: boolean
    }
  }
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export type operations = Record<string, never>
