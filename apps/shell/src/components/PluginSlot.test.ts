import { uiMessages, type EnabledPlugin } from '@profmon/ui'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createI18n } from 'vue-i18n'

// The federation runtime is exercised in the browser tests; here only the slot's isolation.
const load = vi.fn()
vi.mock('../federation/remotes.ts', () => ({
  loadPluginView: (...a: unknown[]) => load(...a),
  registerPluginRemotes: vi.fn(),
}))
const { default: PluginSlot } = await import('./PluginSlot.vue')

const plugin: EnabledPlugin = {
  id: 'demo',
  version: '1.0.0',
  title: { ru: 'Демо-направление' },
  shortTitle: null,
  description: null,
  order: 1,
  indicators: 1,
  dataElements: 1,
  remoteEntry: '/plugins/demo/remoteEntry.js',
  remoteName: 'profmon_demo',
  exposes: ['./View'],
}

function render() {
  const i18n = createI18n({ legacy: false, locale: 'ru', messages: uiMessages })
  return mount(PluginSlot, { props: { plugin }, global: { plugins: [i18n] } })
}

describe('PluginSlot', () => {
  it('mounts the remote view', async () => {
    load.mockResolvedValueOnce(defineComponent({ render: () => h('p', { class: 'remote' }, 'из плагина') }))
    const wrapper = render()
    await flushPromises()
    await flushPromises()
    expect(wrapper.find('.remote').text()).toBe('из плагина')
  })

  it('shows an error card with the plugin name when the remote fails to load', async () => {
    load.mockRejectedValueOnce(new Error('remoteEntry.js: 404'))
    const wrapper = render()
    await flushPromises()
    await flushPromises()
    expect(wrapper.find('[data-testid=error-card]').text()).toContain('Не удалось загрузить раздел «Демо-направление»')
    expect(wrapper.text()).toContain('remoteEntry.js: 404')
  })

  it('contains a view that throws while rendering, and retries on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    load.mockResolvedValueOnce(
      defineComponent({
        // eslint-disable-next-line vue/require-render-return
        render: () => {
          throw new Error('boom in render')
        },
      }),
    )
    const wrapper = render()
    await flushPromises()
    await flushPromises()
    expect(wrapper.find('[data-testid=error-card]').text()).toContain('boom in render')
    load.mockResolvedValueOnce(defineComponent({ render: () => h('p', { class: 'remote' }, 'снова работает') }))
    await wrapper.find('button').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(wrapper.find('.remote').text()).toBe('снова работает')
  })
})
