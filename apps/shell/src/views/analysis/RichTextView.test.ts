import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import RichTextView from './RichTextView.vue'

describe('RichTextView', () => {
  it('renders runs as text with their emphasis, and markup-looking text stays text', () => {
    const wrapper = mount(RichTextView, {
      props: {
        doc: {
          blocks: [
            {
              type: 'paragraph',
              runs: [
                { text: '<img src=x onerror=alert(1)> ' },
                { text: 'не выполнен', bold: true },
                { text: '!', italic: true },
              ],
            },
            { type: 'list', ordered: true, items: [{ runs: [{ text: 'Школа № 2', bold: true, italic: true }] }] },
          ],
        },
      },
    })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('p').text()).toBe('<img src=x onerror=alert(1)> не выполнен!')
    expect(wrapper.find('p strong').text()).toBe('не выполнен')
    expect(wrapper.find('p em').text()).toBe('!')
    expect(wrapper.find('ol li strong em').text()).toBe('Школа № 2')
  })
})
