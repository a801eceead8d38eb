/* rl_dlopen.h: GNU readline reached through dlopen(3) — the library is loaded when an interactive shell starts, not by every whelk. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef WHELK_INTERACTIVE_RL_DLOPEN_H
#define WHELK_INTERACTIVE_RL_DLOPEN_H

/*
 * Included by lineedit_rl.c alone, after <readline/readline.h>, when
 * configure chose to load readline at run time (WHELK_READLINE_SONAME,
 * e.g. "libreadline.so.8").  Linked into the binary, readline's keymaps
 * and function tables are 8 pages of data the dynamic loader must write
 * (relocate) at every start, and its calls into libc are symbols to bind:
 * about 7 page faults and 18,000 instructions of each `whelk -c :`, for a
 * library only an interactive shell uses.
 *
 * Each readline function and variable the backend uses is one pointer in
 * rl_api, filled by dlsym; the macros below make the backend's code read
 * `(*rl_api.rl_point)` where it says `rl_point`, and
 * `(*rl_api.rl_initialize)()` where it calls rl_initialize(), so the same
 * source serves a linked readline, a loaded one and libedit.  The field
 * types come from the library's own declarations (__typeof__), so a call
 * through the table is checked as a direct one would be.
 */

#define RL_SYMBOLS(X) \
	X(add_history) X(clear_history) X(stifle_history) X(using_history) \
	X(emacs_standard_keymap) X(vi_movement_keymap) \
	X(rl_add_defun) X(rl_attempted_completion_function) \
	X(rl_attempted_completion_over) X(rl_bind_key_in_map) \
	X(rl_bind_keyseq_in_map) X(rl_callback_handler_install) \
	X(rl_callback_handler_remove) X(rl_callback_read_char) \
	X(rl_callback_sigcleanup) X(rl_catch_signals) X(rl_catch_sigwinch) \
	X(rl_change_environment) X(rl_char_is_quoted_p) \
	X(rl_completer_word_break_characters) \
	X(rl_completion_append_character) \
	X(rl_completion_display_matches_hook) X(rl_completion_query_items) \
	X(rl_completion_suppress_append) X(rl_crlf) X(rl_deprep_terminal) \
	X(rl_ding) X(rl_end) X(rl_eof_found) X(rl_forced_update_display) \
	X(rl_free_line_state) X(rl_get_screen_size) X(rl_getc_function) \
	X(rl_initialize) X(rl_input_available_hook) X(rl_instream) \
	X(rl_line_buffer) X(rl_on_new_line) X(rl_outstream) X(rl_point) \
	X(rl_prep_terminal) X(rl_readline_name) X(rl_replace_line) \
	X(rl_resize_terminal) X(rl_set_keyboard_input_timeout) \
	X(rl_set_screen_size) X(rl_variable_bind) X(rl_variable_value)

#include <dlfcn.h>
#include <stdbool.h>
#include <string.h>

#define RL_FIELD(name) __typeof__(&name) name;
static struct {
	RL_SYMBOLS(RL_FIELD)
} rl_api;
#undef RL_FIELD

/* Load the library and fill rl_api (once): false, with dlerror's reason
   in *why, when the library or one of its symbols is missing.  Defined
   before the macros below, which would rename the fields it fills. */
static bool rl_api_load(const char **why)
{
	if (rl_api.add_history)
		return true;
	void *h = dlopen(WHELK_READLINE_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		*why = e ? e : *why;
		return false;
	}
#define RL_LOAD(name) { \
		void *p = dlsym(h, #name); \
		if (!p) { \
			const char *e = dlerror(); \
			*why = e ? e : #name; \
			memset(&rl_api, 0, sizeof rl_api); \
			return false;	/* a broken library: h is kept */ \
		} \
		memcpy(&rl_api.name, &p, sizeof p); \
	}
	RL_SYMBOLS(RL_LOAD)
#undef RL_LOAD
	return true;
}

/* From here on, each name is its entry of the table: a function only
   where it is called (the backend's ops table has members named
   add_history and clear_history), a variable everywhere. */
#define add_history(...) (*rl_api.add_history)(__VA_ARGS__)
#define clear_history(...) (*rl_api.clear_history)(__VA_ARGS__)
#define stifle_history(...) (*rl_api.stifle_history)(__VA_ARGS__)
#define using_history(...) (*rl_api.using_history)(__VA_ARGS__)
#define emacs_standard_keymap (*rl_api.emacs_standard_keymap)
#define vi_movement_keymap (*rl_api.vi_movement_keymap)
#define rl_add_defun(...) (*rl_api.rl_add_defun)(__VA_ARGS__)
#define rl_attempted_completion_function (*rl_api.rl_attempted_completion_function)
#define rl_attempted_completion_over (*rl_api.rl_attempted_completion_over)
#define rl_bind_key_in_map(...) (*rl_api.rl_bind_key_in_map)(__VA_ARGS__)
#define rl_bind_keyseq_in_map(...) (*rl_api.rl_bind_keyseq_in_map)(__VA_ARGS__)
#define rl_callback_handler_install(...) (*rl_api.rl_callback_handler_install)(__VA_ARGS__)
#define rl_callback_handler_remove(...) (*rl_api.rl_callback_handler_remove)(__VA_ARGS__)
#define rl_callback_read_char(...) (*rl_api.rl_callback_read_char)(__VA_ARGS__)
#define rl_callback_sigcleanup(...) (*rl_api.rl_callback_sigcleanup)(__VA_ARGS__)
#define rl_catch_signals (*rl_api.rl_catch_signals)
#define rl_catch_sigwinch (*rl_api.rl_catch_sigwinch)
#define rl_change_environment (*rl_api.rl_change_environment)
#define rl_char_is_quoted_p (*rl_api.rl_char_is_quoted_p)
#define rl_completer_word_break_characters (*rl_api.rl_completer_word_break_characters)
#define rl_completion_append_character (*rl_api.rl_completion_append_character)
#define rl_completion_display_matches_hook (*rl_api.rl_completion_display_matches_hook)
#define rl_completion_query_items (*rl_api.rl_completion_query_items)
#define rl_completion_suppress_append (*rl_api.rl_completion_suppress_append)
#define rl_crlf(...) (*rl_api.rl_crlf)(__VA_ARGS__)
#define rl_deprep_terminal(...) (*rl_api.rl_deprep_terminal)(__VA_ARGS__)
#define rl_ding(...) (*rl_api.rl_ding)(__VA_ARGS__)
#define rl_end (*rl_api.rl_end)
#define rl_eof_found (*rl_api.rl_eof_found)
#define rl_forced_update_display(...) (*rl_api.rl_forced_update_display)(__VA_ARGS__)
#define rl_free_line_state(...) (*rl_api.rl_free_line_state)(__VA_ARGS__)
#define rl_get_screen_size(...) (*rl_api.rl_get_screen_size)(__VA_ARGS__)
#define rl_getc_function (*rl_api.rl_getc_function)
#define rl_initialize(...) (*rl_api.rl_initialize)(__VA_ARGS__)
#define rl_input_available_hook (*rl_api.rl_input_available_hook)
#define rl_instream (*rl_api.rl_instream)
#define rl_line_buffer (*rl_api.rl_line_buffer)
#define rl_on_new_line(...) (*rl_api.rl_on_new_line)(__VA_ARGS__)
#define rl_outstream (*rl_api.rl_outstream)
#define rl_point (*rl_api.rl_point)
#define rl_prep_terminal(...) (*rl_api.rl_prep_terminal)(__VA_ARGS__)
#define rl_readline_name (*rl_api.rl_readline_name)
#define rl_replace_line(...) (*rl_api.rl_replace_line)(__VA_ARGS__)
#define rl_resize_terminal(...) (*rl_api.rl_resize_terminal)(__VA_ARGS__)
#define rl_set_keyboard_input_timeout(...) (*rl_api.rl_set_keyboard_input_timeout)(__VA_ARGS__)
#define rl_set_screen_size(...) (*rl_api.rl_set_screen_size)(__VA_ARGS__)
#define rl_variable_bind(...) (*rl_api.rl_variable_bind)(__VA_ARGS__)
#define rl_variable_value(...) (*rl_api.rl_variable_value)(__VA_ARGS__)

#endif
